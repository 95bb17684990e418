-- The full ledger: customer flags, settlement figures on invoices, payments and their allocations,
-- credit notes, disputes and the audit trail.

alter table customer add column do_not_dun boolean not null default false;
alter table customer add column credit_hold boolean not null default false;
alter table customer add column credit_hold_reason text;
alter table customer add column credit_hold_changed_at timestamptz;
alter table customer add column updated_at timestamptz;

alter table invoice add column discount_granted numeric(19, 4) not null default 0;
alter table invoice add column amount_credited numeric(19, 4) not null default 0;
alter table invoice add column amount_written_off numeric(19, 4) not null default 0;
alter table invoice add column discount_percent numeric(5, 2);
alter table invoice add column discount_deadline date;
alter table invoice add column closed_on date;
alter table invoice add column close_reason text;

create index invoice_tenant_status on invoice (tenant_id, status, id);
create index invoice_tenant_due on invoice (tenant_id, due_date);

create table payment (
    id              uuid primary key,
    tenant_id       text           not null,
    customer_id     uuid           not null references customer (id),
    currency        char(3)        not null,
    amount          numeric(19, 4) not null,
    received_on     date           not null,
    reference       text,
    status          text           not null,
    reversed_on     date,
    reversal_reason text,
    created_at      timestamptz    not null
);

create index payment_tenant_customer on payment (tenant_id, customer_id, id);

create table payment_allocation (
    payment_id       uuid           not null references payment (id),
    invoice_id       uuid           not null references invoice (id),
    amount           numeric(19, 4) not null,
    discount_granted numeric(19, 4) not null,
    primary key (payment_id, invoice_id)
);

create index payment_allocation_invoice on payment_allocation (invoice_id);

create table credit_note (
    id          uuid primary key,
    tenant_id   text           not null,
    invoice_id  uuid           not null references invoice (id),
    number      text           not null,
    amount      numeric(19, 4) not null,
    issued_on   date           not null,
    reason      text           not null,
    dispute_id  uuid,
    created_at  timestamptz    not null,
    constraint credit_note_number_unique unique (tenant_id, number)
);

create index credit_note_invoice on credit_note (invoice_id);

create table dispute (
    id          uuid primary key,
    tenant_id   text           not null,
    invoice_id  uuid           not null references invoice (id),
    reason      text           not null,
    amount      numeric(19, 4),
    status      text           not null,
    opened_on   date           not null,
    outcome     text,
    resolution  text,
    note        text,
    resolved_on date,
    created_at  timestamptz    not null
);

-- At most one open dispute per invoice, whatever races.
create unique index dispute_one_open on dispute (invoice_id) where status = 'OPEN';

create table invoice_audit (
    id         bigserial primary key,
    tenant_id  text        not null,
    invoice_id uuid        not null references invoice (id),
    at         timestamptz not null,
    principal  text        not null,
    action     text        not null,
    detail     text
);

create index invoice_audit_invoice on invoice_audit (invoice_id, id);
