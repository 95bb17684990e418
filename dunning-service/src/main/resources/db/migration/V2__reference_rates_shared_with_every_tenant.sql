-- Row-level security (service kit, afterMigrate) lets a tenant's requests see only rows of their
-- tenant. The suite-wide ECB rates (tenant_id '') are read by every tenant, so they get a second,
-- read-only policy; the tenant_isolation policy still refuses any write to them from a request.
-- The role exists: the kit's beforeMigrate callback creates it or checks ops did.
create policy shared_rates_readable on reference_rate for select to receivables_tenant
    using (tenant_id = '');
