-- Row-level security on child rows too (docs/security.md): invoice lines and payment allocations
-- carry their tenant, so the kit's afterMigrate callback gives them the forced tenant policy like
-- every other table with a tenant_id. Composite foreign keys keep a child's tenant its parent's.
-- A new row takes the tenant its connection is bound to, so writers need not name it; unbound,
-- it has none and is refused (not null).

alter table invoice_line add column tenant_id text;
update invoice_line l set tenant_id = i.tenant_id from invoice i where i.id = l.invoice_id;
alter table invoice_line alter column tenant_id set not null;
alter table invoice_line alter column tenant_id set default nullif(current_setting('app.tenant', true), '');

alter table payment_allocation add column tenant_id text;
update payment_allocation a set tenant_id = p.tenant_id from payment p where p.id = a.payment_id;
alter table payment_allocation alter column tenant_id set not null;
alter table payment_allocation alter column tenant_id set default nullif(current_setting('app.tenant', true), '');

-- The plain (tenant_id, id) index becomes the unique key the children reference.
drop index invoice_tenant_id;
alter table invoice add constraint invoice_tenant_id unique (tenant_id, id);
alter table payment add constraint payment_tenant_id unique (tenant_id, id);

alter table invoice_line drop constraint invoice_line_invoice_id_fkey;
alter table invoice_line add constraint invoice_line_invoice_fkey
    foreign key (tenant_id, invoice_id) references invoice (tenant_id, id);
alter table payment_allocation drop constraint payment_allocation_payment_id_fkey;
alter table payment_allocation drop constraint payment_allocation_invoice_id_fkey;
alter table payment_allocation add constraint payment_allocation_payment_fkey
    foreign key (tenant_id, payment_id) references payment (tenant_id, id);
alter table payment_allocation add constraint payment_allocation_invoice_fkey
    foreign key (tenant_id, invoice_id) references invoice (tenant_id, id);
