-- Scoring's own replica of the ledger, fed only by events (event-carried state transfer), and the
-- scoring data that credit managers and ERPs enter here. Customer and invoice ids are text: they come
-- from other services' events and are never parsed.

create table sc_customer (
    id          bigserial primary key,
    tenant_id   text        not null,
    customer_id text        not null,
    name        text,
    segment     text,
    currency    text,
    -- false while the customer is known only from a later event or a statement (registration not seen)
    registered  boolean     not null,
    created_at  timestamptz not null,
    constraint sc_customer_unique unique (tenant_id, customer_id)
);

create table sc_invoice (
    id           bigserial primary key,
    tenant_id    text           not null,
    invoice_id   text           not null,
    customer_id  text           not null,
    number       text,
    currency     text           not null,
    issue_date   date           not null,
    due_date     date           not null,
    total        numeric(19, 4) not null,
    outstanding  numeric(19, 4) not null, -- as the latest invoicing event stated it
    status       text           not null,
    cancelled_on date,
    constraint sc_invoice_unique unique (tenant_id, invoice_id)
);

create index sc_invoice_customer on sc_invoice (tenant_id, customer_id);

-- Dated reductions of what an invoice owes: payments (until reversed), credit notes, write-offs.
create table sc_settlement (
    id          bigserial primary key,
    tenant_id   text           not null,
    customer_id text           not null,
    invoice_id  text           not null,
    kind        text           not null, -- PAYMENT, CREDIT_NOTE, WRITE_OFF
    ref         text,                    -- paymentId or creditNoteId
    amount      numeric(19, 4) not null,
    occurred_on date           not null,
    reversed_on date
);

create index sc_settlement_customer on sc_settlement (tenant_id, customer_id);
create index sc_settlement_invoice on sc_settlement (tenant_id, invoice_id, ref);

create table sc_dispute (
    id          bigserial primary key,
    tenant_id   text not null,
    customer_id text not null,
    invoice_id  text not null,
    dispute_id  text not null,
    amount      numeric(19, 4),
    opened_on   date not null,
    resolved_on date,
    outcome     text,
    constraint sc_dispute_unique unique (tenant_id, dispute_id)
);

create index sc_dispute_customer on sc_dispute (tenant_id, customer_id);

-- Collection events from dunning that weigh on the score: broken promises and plans, escalations.
create table sc_collection_event (
    id          bigserial primary key,
    tenant_id   text not null,
    customer_id text not null,
    kind        text not null, -- PROMISE_BROKEN, PLAN_BROKEN, ESCALATED, HOLD_REQUESTED
    ref         text,
    occurred_on date not null
);

create index sc_collection_event_customer on sc_collection_event (tenant_id, customer_id);

create table sc_financial_statement (
    id                  uuid primary key,
    tenant_id           text           not null,
    customer_id         text           not null,
    fiscal_year_end     date           not null,
    currency            text           not null,
    total_assets        numeric(19, 4) not null,
    current_assets      numeric(19, 4) not null,
    cash                numeric(19, 4),
    inventories         numeric(19, 4),
    total_liabilities   numeric(19, 4) not null,
    current_liabilities numeric(19, 4) not null,
    equity              numeric(19, 4) not null,
    revenue             numeric(19, 4) not null,
    ebit                numeric(19, 4) not null,
    interest_expense    numeric(19, 4),
    net_income          numeric(19, 4),
    retained_earnings   numeric(19, 4),
    submitted_by        text           not null,
    submitted_at        timestamptz    not null,
    constraint sc_statement_year_unique unique (tenant_id, customer_id, fiscal_year_end)
);

create table sc_external_rating (
    id          bigserial primary key,
    tenant_id   text          not null,
    customer_id text          not null,
    source      text          not null,
    rating      text,
    score       numeric(5, 2) not null,
    rated_on    date          not null,
    recorded_by text          not null,
    recorded_at timestamptz   not null
);

create index sc_external_rating_customer on sc_external_rating (tenant_id, customer_id, rated_on);

create table sc_sector_risk (
    id         bigserial primary key,
    tenant_id  text        not null,
    sector     text        not null,
    level      text        not null,
    note       text,
    updated_by text        not null,
    updated_at timestamptz not null,
    constraint sc_sector_risk_unique unique (tenant_id, sector)
);

-- The current score of each customer, and every change of it.
create table sc_score (
    id                bigserial primary key,
    tenant_id         text           not null,
    customer_id       text           not null,
    score             integer        not null,
    risk_class        text           not null,
    pd                numeric(9, 6)  not null,
    recommended_limit numeric(19, 4) not null,
    credit_limit      numeric(19, 4) not null,
    currency          text           not null,
    reasons           text           not null, -- JSON array of {factor, effect, detail}
    as_of             date           not null,
    computed_at       timestamptz    not null,
    constraint sc_score_unique unique (tenant_id, customer_id)
);

create table sc_score_history (
    id           bigserial primary key,
    tenant_id    text           not null,
    customer_id  text           not null,
    score        integer        not null,
    risk_class   text           not null,
    pd           numeric(9, 6)  not null,
    credit_limit numeric(19, 4) not null,
    currency     text           not null,
    reasons      text           not null,
    as_of        date           not null,
    computed_at  timestamptz    not null,
    trigger      text           not null
);

create index sc_score_history_customer on sc_score_history (tenant_id, customer_id, id);

-- Credit limit overrides by credit managers: the latest row per customer is in force; a row with a
-- null limit clears the override. Rows are never updated: they are the audit trail.
create table sc_limit_override (
    id           bigserial primary key,
    tenant_id    text           not null,
    customer_id  text           not null,
    credit_limit numeric(19, 4),
    currency     text           not null,
    reason       text           not null,
    set_by       text           not null,
    set_at       timestamptz    not null
);

create index sc_limit_override_customer on sc_limit_override (tenant_id, customer_id, id);

-- Credit holds: the latest row per customer is the current state; rows are the audit trail.
create table sc_credit_hold (
    id          bigserial primary key,
    tenant_id   text        not null,
    customer_id text        not null,
    on_hold     boolean     not null,
    reason      text        not null,
    changed_by  text        not null,
    changed_at  timestamptz not null
);

create index sc_credit_hold_customer on sc_credit_hold (tenant_id, customer_id, id);

create table sc_credit_decision (
    id               uuid primary key,
    tenant_id        text           not null,
    customer_id      text           not null,
    reference        text,
    amount           numeric(19, 4) not null,
    currency         text           not null,
    decision         text           not null,
    exposure         numeric(19, 4) not null,
    credit_limit     numeric(19, 4) not null,
    available_credit numeric(19, 4) not null,
    score            integer        not null,
    risk_class       text           not null,
    reasons          text           not null,
    decided_by       text           not null,
    decided_at       timestamptz    not null,
    seq              bigserial
);

create index sc_credit_decision_customer on sc_credit_decision (tenant_id, customer_id, seq);

-- One nightly recomputation per day across replicas: the replica that inserts the day's row runs it.
create table sc_nightly_run (
    run_date     date primary key,
    claimed_by   text        not null,
    claimed_at   timestamptz not null,
    completed_at timestamptz,
    customers    integer
);
