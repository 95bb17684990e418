-- Tables of the service kit, shared by every service database. Repeatable and idempotent, so it can
-- sit beside each service's own versioned migrations; later changes use "if not exists" forms.

create table if not exists outbox_event (
    id          bigserial primary key,
    event_id    uuid        not null unique,
    topic       text        not null,
    event_key   text        not null,
    event_type  text        not null,
    subject     text        not null,
    tenant_id   text        not null,
    payload     text        not null, -- the JSON as serialised, relayed byte for byte
    occurred_at timestamptz not null
);
-- W3C traceparent of the work that recorded the event (null outside any trace), sent as a Kafka header.
alter table outbox_event add column if not exists traceparent text;

create table if not exists processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);

-- Answers to requests that carried an Idempotency-Key (kit.idempotency): one per tenant and key.
create table if not exists idempotency_record (
    tenant_id    text        not null,
    idem_key     text        not null,
    request_hash text        not null, -- SHA-256 of method, path and canonical body
    status       integer     not null,
    headers      text        not null, -- JSON object of the replayed headers
    body         text,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    primary key (tenant_id, idem_key)
);

create index if not exists idempotency_record_expires on idempotency_record (expires_at);

-- The tenants this service holds data of (kit.tenant.TenantScope registers each tenant a consumer
-- binds): the one list that work spanning tenants (a scheduler) may read, since row-level security
-- hides every tenant table from an unbound connection. Named "tenant", not "tenant_id", so that it
-- stays outside the tenant policy; bound connections may only add to it (afterMigrate callback).
create table if not exists service_tenant (
    tenant        text        primary key,
    first_seen_at timestamptz not null default now()
);
