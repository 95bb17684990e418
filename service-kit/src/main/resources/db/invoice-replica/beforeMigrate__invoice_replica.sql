-- The kit's invoice replica (kit.replica.InvoiceReplica): each consuming service's copy of the
-- invoices invoicing publishes, written from events only. A service opts in by adding
-- db/invoice-replica to quarkus.flyway.locations. A callback rather than a versioned migration so
-- that it never takes a version number from the service's own history, and runs before the
-- service's versioned migrations: one of those may move an older copy's rows into this table.
-- Idempotent; later changes use "if not exists" forms. The kit's afterMigrate callback puts it
-- under the tenant policy (tenant_id column). A service keeps the columns only it needs (dated
-- movements, ledger entries, an original due date) in its own tables, keyed by
-- (tenant_id, invoice_id).
create table if not exists invoice_replica (
    tenant_id      text           not null,
    invoice_id     text           not null,
    customer_id    text           not null,
    number         text           not null,
    currency       text           not null,
    issue_date     date           not null,
    due_date       date           not null,
    total_incl_tax numeric(19, 4) not null,
    outstanding    numeric(19, 4) not null, -- as the latest invoicing event stated it
    status         text           not null, -- OPEN until an event states another status
    disputed       boolean        not null default false, -- invoicing allows one open dispute at a time
    updated_at     timestamptz    not null,
    primary key (tenant_id, invoice_id)
);
create index if not exists invoice_replica_customer on invoice_replica (tenant_id, customer_id);
