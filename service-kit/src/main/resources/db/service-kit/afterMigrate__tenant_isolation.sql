-- Tenant isolation at the data layer (kit.tenant.TenantBinding), part 2 of 2, run after every
-- migration and idempotent: whatever tables the migrations created, the role receivables_tenant may
-- use them, and on every table with a tenant_id column it sees and writes only the rows of the
-- tenant in the session setting app.tenant (none while that is empty). The pool user owns the
-- tables and is not subject to the policies, so work that serves no tenant (consumers, relay,
-- schedulers) is unaffected.
-- A table with rows shared by all tenants adds its own permissive "for select" policy in a migration.
do $$
declare
    t        record;
    rule     text;
    -- The policy's condition as PostgreSQL prints it back; an older one is brought up to date.
    expected constant text := '(tenant_id = NULLIF(current_setting(''app.tenant''::text), ''''::text))';
begin
    execute format('grant usage on schema %I to receivables_tenant', current_schema());
    for t in
        select c.relname
          from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = current_schema()
           and c.relkind in ('r', 'p')
           and c.relname <> 'flyway_schema_history'
    loop
        execute format('grant select, insert, update, delete on table %I.%I to receivables_tenant',
                       current_schema(), t.relname);
    end loop;
    for t in
        select c.relname
          from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = current_schema()
           and c.relkind = 'S'
    loop
        execute format('grant usage, select on sequence %I.%I to receivables_tenant', current_schema(), t.relname);
    end loop;
    execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to receivables_tenant',
                   current_schema());
    execute format('alter default privileges in schema %I grant usage, select on sequences to receivables_tenant',
                   current_schema());

    for t in
        select c.relname
          from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          join pg_attribute a on a.attrelid = c.oid
         where n.nspname = current_schema()
           and c.relkind in ('r', 'p')
           and a.attname = 'tenant_id'
           and not a.attisdropped
    loop
        execute format('alter table %I.%I enable row level security', current_schema(), t.relname);
        select p.qual into rule
          from pg_policies p
         where p.schemaname = current_schema()
           and p.tablename = t.relname
           and p.policyname = 'tenant_isolation';
        if not found then
            begin
                execute format('create policy tenant_isolation on %I.%I for all to receivables_tenant'
                               ' using (tenant_id = nullif(current_setting(''app.tenant''), ''''))'
                               ' with check (tenant_id = nullif(current_setting(''app.tenant''), ''''))',
                               current_schema(), t.relname);
            exception
                when duplicate_object then null; -- another replica migrating at the same moment
            end;
        elsif rule is distinct from expected then
            execute format('alter policy tenant_isolation on %I.%I to receivables_tenant'
                           ' using (tenant_id = nullif(current_setting(''app.tenant''), ''''))'
                           ' with check (tenant_id = nullif(current_setting(''app.tenant''), ''''))',
                           current_schema(), t.relname);
        end if;
    end loop;
end
$$;
