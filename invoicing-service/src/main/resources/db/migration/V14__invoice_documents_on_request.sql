-- Invoice PDFs are rendered on dunning's request only (docs/e-invoicing.md, "Reminders with the
-- invoice's PDF"): issuing no longer queues every invoice in invoice_document_queue; a consumed
-- InvoiceDocumentRequested does. This table remembers which invoices have had their PDF recorded on
-- the documents topic (in the publishing transaction), so that a request repeated by dunning (a
-- second reminder, a re-request after its wait) does not render the same invoice twice. Tenant-less
-- bookkeeping like the queue: written by the worker for every tenant.
create table invoice_document_published (
    invoice_id   uuid        primary key,
    tenant       text        not null,
    published_at timestamptz not null
);
