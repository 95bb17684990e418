-- Asynchronous dunning runs (Prefer: respond-async): a run has a status, and a run accepted but not
-- yet planned waits in run_queue until a worker claims it.
-- Changes rows of every tenant: unforced here, the kit's afterMigrate callback forces it again.
alter table dunning_run no force row level security;
alter table dunning_run add column status text not null default 'COMPLETED'
    check (status in ('RUNNING', 'COMPLETED', 'FAILED'));
-- false while an accepted run has not decided yet (its plan commits with its claims)
alter table dunning_run add column planned boolean not null default true;
alter table dunning_run add column failure text;
-- runs stored before this migration without an end stopped mid-way
update dunning_run set status = 'FAILED', failure = 'stopped before it finished'
 where finished_at is null;

-- The durable queue of accepted runs. A worker holds its run's row locked (FOR UPDATE SKIP LOCKED)
-- in a transaction open for the whole run and deletes it at the end: if the process dies, the lock
-- goes with its connection and the next worker (this service restarted, or another replica) takes
-- the run up again. Tenant-less bookkeeping like scheduled_run (column "tenant", no tenant_id):
-- the worker serves no request and must see every tenant's queue.
create table run_queue (
    run_id    uuid        primary key references dunning_run (id) on delete cascade,
    tenant    text        not null,
    queued_at timestamptz not null
);
create index run_queue_order on run_queue (queued_at);
