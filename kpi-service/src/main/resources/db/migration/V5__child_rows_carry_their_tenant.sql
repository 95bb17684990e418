-- Row-level security on child rows too (docs/security.md): payments of a projected invoice carry
-- their tenant, so the kit's afterMigrate callback gives them the forced tenant policy like every
-- other table with a tenant_id. A composite foreign key keeps a payment's tenant its invoice's. A
-- new row takes the tenant its connection is bound to; unbound, it has none and is refused.

alter table kpi_payment add column tenant_id text;
update kpi_payment p set tenant_id = i.tenant_id from kpi_invoice i where i.invoice_id = p.invoice_id;
alter table kpi_payment alter column tenant_id set not null;
alter table kpi_payment alter column tenant_id set default nullif(current_setting('app.tenant', true), '');

alter table kpi_invoice add constraint kpi_invoice_tenant_id unique (tenant_id, invoice_id);
alter table kpi_payment drop constraint kpi_payment_invoice_id_fkey;
alter table kpi_payment add constraint kpi_payment_invoice_fkey
    foreign key (tenant_id, invoice_id) references kpi_invoice (tenant_id, invoice_id);
