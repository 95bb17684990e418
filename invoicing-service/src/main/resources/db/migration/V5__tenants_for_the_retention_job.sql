-- The retention job lists tenants from the kit's service_tenant (customer registration adds each
-- tenant), since row-level security hides customer rows from work bound to no tenant
-- (docs/security.md). The kit's repeatable migration creates the table too, but runs after the
-- versioned ones; same definition.
create table if not exists service_tenant (
    tenant        text        primary key,
    first_seen_at timestamptz not null default now()
);
insert into service_tenant (tenant)
select distinct tenant_id from customer
on conflict do nothing;
