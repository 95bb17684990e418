-- Tenant isolation at the data layer (kit.tenant.TenantBinding), part 1 of 2, run before every
-- migration so that migrations may name the role: the role that requests of a tenant switch to,
-- and the pool user's membership in it. Where the pool user may not create roles (a managed
-- PostgreSQL), ops create both beforehand (docs/security.md); then this only checks.
do $$
begin
    if not exists (select from pg_roles where rolname = 'receivables_tenant') then
        begin
            create role receivables_tenant nologin;
        exception
            when duplicate_object then null; -- another service created it meanwhile
            when insufficient_privilege then
                raise exception 'Role receivables_tenant is missing and % may not create it', current_user
                    using hint = 'create role receivables_tenant nologin; grant receivables_tenant to '
                        || current_user || '; (docs/security.md)';
        end;
    end if;
    if not pg_has_role(current_user, 'receivables_tenant', 'MEMBER') then
        begin
            execute format('grant receivables_tenant to %I', current_user);
        exception
            when insufficient_privilege then
                raise exception '% is not a member of role receivables_tenant and may not grant it', current_user
                    using hint = 'grant receivables_tenant to ' || current_user || '; (docs/security.md)';
        end;
    end if;
end
$$;
