-- Sending is a durable queue worked by parallel senders (run.SenderPool), shared by every replica.
-- Changes rows of every tenant: unforced here, the kit's afterMigrate callback forces it again.
alter table reminder no force row level security;

-- The Message-ID a reminder's e-mail carries, set at its first attempt and kept: an attempt after a
-- crash (the reminder left SENDING) sends the same Message-ID, so the copy can be recognised.
alter table reminder add column message_id text;
-- When a failed reminder is tried again (backoff), while it waits in the queue.
alter table reminder add column next_attempt_at timestamptz;

-- One row per reminder to send. A sender claims due rows with FOR UPDATE SKIP LOCKED and keeps
-- them locked while it sends: replicas never send the same reminder at once, and the rows of a
-- sender that died (its lock gone with its connection) are taken by the next one. Tenant-less
-- bookkeeping like run_queue: a sender serves no request and works every tenant's reminders.
create table send_queue (
    reminder_id uuid        primary key references reminder (id) on delete cascade,
    tenant      text        not null,
    run_id      uuid        not null,
    due_at      timestamptz not null,
    attempts    integer     not null default 0 -- attempts of this round (dunning.send.attempts)
);
create index send_queue_due on send_queue (due_at);
create index send_queue_run on send_queue (run_id);

-- ReminderSent is one event per message (customer, step and currency of a run) whatever its
-- channels: the first channel sent announces it, the primary key refuses a second announcement.
create table reminder_announced (
    tenant_id   text not null,
    run_id      uuid not null,
    customer_id text not null,
    step_code   text not null,
    currency    text not null,
    reminder_id uuid not null,
    primary key (run_id, customer_id, step_code, currency)
);
insert into reminder_announced (tenant_id, run_id, customer_id, step_code, currency, reminder_id)
select distinct on (run_id, customer_id, step_code, currency)
       tenant_id, run_id, customer_id, step_code, currency, id
  from reminder where status = 'SENT'
 order by run_id, customer_id, step_code, currency, sent_at;

-- Reminders stored before the queue and never sent go out through it.
insert into send_queue (reminder_id, tenant, run_id, due_at)
select id, tenant_id, run_id, created_at from reminder where status = 'PENDING';

-- A run's progress counts its reminders by status.
create index if not exists reminder_run on reminder (run_id, status);
