-- Webhook subscriptions of each tenant, the public events they may receive, and one delivery per
-- (event, subscription) with every attempt. Every table carries tenant_id: the kit's afterMigrate
-- callback forces row-level security on all of them (docs/security.md).

create table webhook_subscription (
    id                  uuid        primary key,
    tenant_id           text        not null,
    url                 text        not null,
    event_types         text[]      not null,
    description         text,
    enabled             boolean     not null,
    -- whsec_ + base64 of the key; the previous one is still signed with until previous_expires_at
    secret              text        not null,
    previous_secret     text,
    previous_expires_at timestamptz,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint      not null,
    -- Set when the service disabled it (failing for days); cleared when it is enabled again.
    disabled_reason     text,
    disabled_at         timestamptz,
    -- The last delivery that got a 2xx, and since when every attempt failed (null while healthy).
    last_success_at     timestamptz,
    failing_since       timestamptz,
    -- Per-subscription concurrency 1: a worker holds the lease while it delivers.
    lease_until         timestamptz
);

create index webhook_subscription_tenant on webhook_subscription (tenant_id, created_at, id);

-- The public events, kept for replay. sequence orders one customer's events as the topics did.
create table webhook_event (
    id          text        primary key, -- the internal CloudEvent id (a derived one: id + ":invoice.paid")
    tenant_id   text        not null,
    customer_id text        not null,
    sequence    bigint      not null,
    type        text        not null,   -- public type, such as invoice.issued
    occurred_at timestamptz not null,   -- when this service received it (the payload's timestamp)
    payload     text        not null    -- the {type, timestamp, data} JSON, sent byte for byte
);

create index webhook_event_tenant_time on webhook_event (tenant_id, occurred_at);

-- The last sequence number given to each customer's events.
create table webhook_customer_sequence (
    tenant_id   text   not null,
    customer_id text   not null,
    last_value  bigint not null,
    primary key (tenant_id, customer_id)
);

create table webhook_delivery (
    id              text        primary key, -- the webhook-id header, the same on every attempt
    tenant_id       text        not null,
    subscription_id uuid        not null references webhook_subscription (id) on delete cascade,
    event_id        text        not null references webhook_event (id),
    status          text        not null, -- PENDING, DELIVERED, FAILED
    attempts        integer     not null,
    next_attempt_at timestamptz,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    last_status_code integer
);

create index webhook_delivery_due on webhook_delivery (subscription_id, next_attempt_at)
    where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (subscription_id, created_at desc, id);

create table webhook_attempt (
    id               bigserial   primary key,
    tenant_id        text        not null,
    delivery_id      text        not null references webhook_delivery (id) on delete cascade,
    attempted_at     timestamptz not null,
    status_code      integer,           -- null: no answer (time-out, connection error, refused address)
    duration_ms      bigint      not null,
    error            text,
    response_excerpt text
);

create index webhook_attempt_delivery on webhook_attempt (delivery_id, id);

-- The tenants that have PENDING deliveries: where the worker looks (row-level security hides every
-- tenant table from its unbound connection). Named "tenant", not "tenant_id", so that it stays outside
-- the tenant policy, like the kit's service_tenant; it holds nothing but tenant ids. marks counts the
-- deliveries queued since, so that the worker removes a tenant only when nothing was queued meanwhile.
create table webhook_pending_tenant (
    tenant text   primary key,
    marks  bigint not null
);
