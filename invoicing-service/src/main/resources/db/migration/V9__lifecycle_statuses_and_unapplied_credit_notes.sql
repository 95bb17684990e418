-- 1. The French e-invoicing lifecycle (docs/e-invoicing.md, Lifecycle statuses): every status a
-- platform reported for an invoice, and those the ledger emits itself (PAID, "encaissée", on full
-- payment), with what the status did to the invoice. Row-level security comes from the kit's
-- afterMigrate.
create table invoice_lifecycle_status (
    id           uuid primary key,
    tenant_id    text        not null default nullif(current_setting('app.tenant', true), ''),
    invoice_id   uuid        not null,
    status       text        not null,
    code         text        not null,
    occurred_on  date        not null,
    reason       text,
    source       text        not null,
    effect       text        not null,
    dispute_id   uuid,
    created_at   timestamptz not null,
    constraint invoice_lifecycle_status_invoice_fkey foreign key (tenant_id, invoice_id) references invoice (tenant_id, id)
);

create index invoice_lifecycle_status_invoice on invoice_lifecycle_status (tenant_id, invoice_id, created_at, id);

-- 2. An e-invoice credit note naming no invoice of the tenant becomes an unapplied credit on the
-- buyer's account (cash application's customer_account_credit, kind CREDIT): its document row then
-- points at that credit (and its customer) instead of an invoice.
alter table e_invoice_document alter column invoice_id drop not null;
alter table e_invoice_document add column account_credit_id uuid;
alter table e_invoice_document add column customer_id uuid;
alter table e_invoice_document add constraint e_invoice_document_books_something
    check (invoice_id is not null or (account_credit_id is not null and customer_id is not null));
