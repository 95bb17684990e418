-- A promise's or plan's invoices were a JSON array in a text column, and "is this invoice already
-- under an active promise?" was a `like '%"id"%'` scan. They become rows of join tables, in the
-- order the collector listed them, indexed by invoice. Existing data is moved, then the text
-- column dropped. Each row carries its tenant for row-level security, like reminder_invoice (V3):
-- the kit's afterMigrate callback gives every table with a tenant_id the forced tenant policy.

create table promise_invoice (
    tenant_id  text    not null default nullif(current_setting('app.tenant', true), ''),
    promise_id uuid    not null references promise_to_pay (id),
    position   integer not null,
    invoice_id text    not null,
    primary key (promise_id, position)
);
create index promise_invoice_invoice on promise_invoice (tenant_id, invoice_id);

create table plan_invoice (
    tenant_id  text    not null default nullif(current_setting('app.tenant', true), ''),
    plan_id    uuid    not null references payment_plan (id),
    position   integer not null,
    invoice_id text    not null,
    primary key (plan_id, position)
);
create index plan_invoice_invoice on plan_invoice (tenant_id, invoice_id);

insert into promise_invoice (tenant_id, promise_id, position, invoice_id)
select p.tenant_id, p.id, e.ord - 1, e.value
from promise_to_pay p, jsonb_array_elements_text(p.invoice_ids::jsonb) with ordinality as e(value, ord);

insert into plan_invoice (tenant_id, plan_id, position, invoice_id)
select p.tenant_id, p.id, e.ord - 1, e.value
from payment_plan p, jsonb_array_elements_text(p.invoice_ids::jsonb) with ordinality as e(value, ord);

alter table promise_to_pay drop column invoice_ids;
alter table payment_plan drop column invoice_ids;
