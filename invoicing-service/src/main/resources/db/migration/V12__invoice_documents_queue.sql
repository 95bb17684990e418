-- Each issued invoice's PDF is published on receivables.invoicing.documents.v1 (docs/e-invoicing.md,
-- "Reminders with the invoice's PDF"). Rendering a Factur-X costs far more than issuing the invoice,
-- so issuing only queues the invoice here, in its own transaction (nothing issued is forgotten), and
-- a worker (einvoice.documents.DocumentPublisher) renders it and records the event through the
-- outbox, deleting the row in that same transaction (nothing published twice). Tenant-less
-- bookkeeping (column "tenant", no tenant_id) like bank_statement_import_queue: the worker serves no
-- request and sees every tenant's queue; it binds the invoice's tenant for the work itself.
-- Invoices issued before this migration are not queued: they get no document.
create table invoice_document_queue (
    invoice_id      uuid        primary key,
    tenant          text        not null,
    queued_at       timestamptz not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text
);
create index invoice_document_queue_due on invoice_document_queue (next_attempt_at);
create index invoice_document_queue_tenant on invoice_document_queue (tenant);
