-- Row-level security on child rows too (docs/security.md): a reminder's invoice lines carry their
-- tenant, so the kit's afterMigrate callback gives them the forced tenant policy like every other
-- table with a tenant_id. A composite foreign key keeps a line's tenant its reminder's. A new row
-- takes the tenant its connection is bound to; unbound, it has none and is refused (not null).

alter table reminder_invoice add column tenant_id text;
update reminder_invoice ri set tenant_id = r.tenant_id from reminder r where r.id = ri.reminder_id;
alter table reminder_invoice alter column tenant_id set not null;
alter table reminder_invoice alter column tenant_id set default nullif(current_setting('app.tenant', true), '');

alter table reminder add constraint reminder_tenant_id unique (tenant_id, id);
alter table reminder_invoice drop constraint reminder_invoice_reminder_id_fkey;
alter table reminder_invoice add constraint reminder_invoice_reminder_fkey
    foreign key (tenant_id, reminder_id) references reminder (tenant_id, id);

-- The daily run lists tenants from the kit's service_tenant (consumers register each tenant they
-- bind), since row-level security hides dn_invoice from work bound to no tenant. The kit's
-- repeatable migration creates the table too, but runs after the versioned ones; same definition.
create table if not exists service_tenant (
    tenant        text        primary key,
    first_seen_at timestamptz not null default now()
);
insert into service_tenant (tenant)
select tenant_id from dn_customer
union
select tenant_id from dn_invoice
on conflict do nothing;
