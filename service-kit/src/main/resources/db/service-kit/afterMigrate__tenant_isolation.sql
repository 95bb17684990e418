-- Tenant isolation at the data layer (kit.tenant.TenantBinding, TenantScope), part 2 of 2, run
-- after every migration and idempotent: whatever tables the migrations created, the role
-- receivables_tenant may use them, and on every table with a tenant_id column a connection sees and
-- writes only the rows of the tenant in the setting app.tenant (none while it is empty or unset).
-- The policies are FORCEd, so they hold for the pool user too (which owns the tables and is a
-- member of receivables_tenant): a connection nobody bound sees no tenant's rows at all. Only the
-- superuser bypasses them.
-- Work that legitimately spans tenants has a narrow path of its own (docs/security.md):
--   outbox_event, idempotency_record: policy enabled, not forced: bound connections see their
--     tenant's rows, the unbound pool user (outbox relay, idempotency purge) sees all;
--   service_tenant: the list of tenants (no tenant_id column), outside the policy; bound
--     connections may only add to it;
--   tables without tenant_id (processed_event, run claims) are tenant-less bookkeeping.
-- A table with rows shared by all tenants adds its own permissive "for select" policy in a migration.
-- A versioned migration that must change rows of every tenant runs as the unbound pool user: it
-- starts with "alter table ... no force row level security"; this callback forces it again.
do $$
declare
    t        record;
    rule     text;
    -- The policy's condition as PostgreSQL prints it back; an older one is brought up to date.
    expected constant text := '(tenant_id = NULLIF(current_setting(''app.tenant''::text, true), ''''::text))';
    -- Kit tables that the pool user's cross-tenant work reads unbound: the policy is not forced.
    unforced constant text[] := array['outbox_event', 'idempotency_record'];
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
    -- A bound connection registers its tenant but may not list the others.
    if to_regclass(format('%I.service_tenant', current_schema())) is not null then
        execute format('revoke select, update, delete on table %I.service_tenant from receivables_tenant',
                       current_schema());
    end if;

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
        if t.relname = any (unforced) then
            execute format('alter table %I.%I no force row level security', current_schema(), t.relname);
        else
            execute format('alter table %I.%I force row level security', current_schema(), t.relname);
        end if;
        select p.qual into rule
          from pg_policies p
         where p.schemaname = current_schema()
           and p.tablename = t.relname
           and p.policyname = 'tenant_isolation';
        if not found then
            begin
                execute format('create policy tenant_isolation on %I.%I for all to receivables_tenant'
                               ' using (tenant_id = nullif(current_setting(''app.tenant'', true), ''''))'
                               ' with check (tenant_id = nullif(current_setting(''app.tenant'', true), ''''))',
                               current_schema(), t.relname);
            exception
                when duplicate_object then null; -- another replica migrating at the same moment
            end;
        elsif rule is distinct from expected then
            execute format('alter policy tenant_isolation on %I.%I to receivables_tenant'
                           ' using (tenant_id = nullif(current_setting(''app.tenant'', true), ''''))'
                           ' with check (tenant_id = nullif(current_setting(''app.tenant'', true), ''''))',
                           current_schema(), t.relname);
        end if;
    end loop;
end
$$;
