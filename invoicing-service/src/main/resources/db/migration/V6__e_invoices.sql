-- E-invoices (EN 16931, docs/e-invoicing.md): the document exactly as received, the key that makes a
-- second submission idempotent (seller + number, with the bytes' SHA-256 to tell "same" from "other"),
-- the ledger rows it became, and the document's own terms that the ledger has no column for (VAT
-- breakdown per category, allowances and charges, prepaid amount, remittance reference, buyer
-- reference, purchase order, notes) as JSON. Row-level security comes from the kit's afterMigrate.

create table e_invoice_document (
    id              uuid primary key,
    tenant_id       text         not null default nullif(current_setting('app.tenant', true), ''),
    seller_key      text         not null,
    number          text         not null,
    syntax          text         not null,
    kind            text         not null,
    media_type      text         not null,
    content         bytea        not null,
    sha256          text         not null,
    invoice_id      uuid         not null,
    credit_note_id  uuid,
    facts           text         not null,
    created_at      timestamptz  not null,
    constraint e_invoice_document_seller_number unique (tenant_id, seller_key, number),
    constraint e_invoice_document_invoice_fkey foreign key (tenant_id, invoice_id) references invoice (tenant_id, id)
);

-- GET /invoices/{id}/document: the document an invoice was created from (not its credit notes').
create index e_invoice_document_invoice on e_invoice_document (tenant_id, invoice_id, kind);
