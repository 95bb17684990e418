-- Statements imported with Prefer: respond-async (cash.StatementImports): the request records the
-- statement and its entries, then answers 202 with an import that a worker finishes in the
-- background. One import per statement: the same statement sent again is the same import.
create table bank_statement_import (
    id            uuid        primary key,
    tenant_id     text        not null,
    statement_id  uuid        not null,
    status        text        not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    failure       text,
    accepted_at   timestamptz not null,
    finished_at   timestamptz,
    constraint bank_statement_import_statement unique (tenant_id, statement_id),
    constraint bank_statement_import_of_statement
        foreign key (tenant_id, statement_id) references bank_statement (tenant_id, id)
);

-- The durable queue of imports to finish. A worker holds its import's row locked (FOR UPDATE SKIP
-- LOCKED) in a transaction open for the whole import and deletes it at the end: if the process
-- dies, the lock goes with its connection and the next poll (this service restarted, or another
-- replica) takes the import up again where its committed chunks left it. Tenant-less bookkeeping
-- (column "tenant", no tenant_id) as dunning's run_queue: the worker serves no request and must
-- see every tenant's queue; it binds the import's tenant for the work itself.
create table bank_statement_import_queue (
    import_id  uuid        primary key references bank_statement_import (id) on delete cascade,
    tenant     text        not null,
    queued_at  timestamptz not null
);
create index bank_statement_import_queue_order on bank_statement_import_queue (queued_at);
