-- The PDF of each invoice as invoicing published it on receivables.invoicing.documents.v1
-- (document.InvoiceDocuments; docs/dunning.md, "Invoice PDFs"): dunning attaches it to e-mail
-- reminders without calling invoicing. The latest document per invoice; deleted with the customer's
-- personal data (InvoiceDocumentsErased). Row-level security comes from the kit's afterMigrate
-- (tenant_id column), like every tenant table.
create table invoice_document (
    tenant_id   text        not null,
    invoice_id  text        not null,
    customer_id text        not null,
    number      text,
    file_name   text        not null,
    media_type  text        not null,
    origin      text,
    sha256      text,
    content     bytea       not null,
    received_at timestamptz not null,
    primary key (tenant_id, invoice_id)
);
create index invoice_document_customer on invoice_document (tenant_id, customer_id);

-- Per tenant: whether e-mail reminders carry the PDFs of the invoices they name (null: yes).
alter table tenant_profile add column attach_invoice_pdf boolean;
