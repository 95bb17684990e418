-- Invoicing renders an invoice's PDF only when dunning asks (InvoiceDocumentRequested on
-- receivables.dunning.v1; docs/dunning.md, "Invoice PDFs attached to e-mails"). One row per invoice
-- asked for, written with the request's outbox row: the reminders of one invoice ask once, and an
-- unanswered request is made again only after dunning.documents.max-wait. Row-level security comes from
-- the kit's afterMigrate (tenant_id column), like every tenant table.
create table invoice_document_request (
    tenant_id    text        not null,
    invoice_id   text        not null,
    customer_id  text        not null,
    requested_at timestamptz not null,
    primary key (tenant_id, invoice_id)
);
