-- Every event of the three topics, projected so that any KPI as of any date reads a bounded set of rows:
-- open items through their own index, period flows from one row per customer and day, trends from
-- daily snapshots. All tables carry the tenant; a rebuild deletes one tenant's rows and replays.

-- The invoice's current state, kept next to its dated ledger so that reads need not sum all history.
alter table kpi_invoice
    add column original_due_date date,
    add column balance           numeric(19, 4) not null default 0,
    -- the date the balance last reached zero; null while open. An invoice is a candidate for an
    -- as-of date D only when issue_date <= D and (closed_on is null or closed_on > D).
    add column closed_on         date,
    add column disputed          boolean not null default false;

update kpi_invoice i set original_due_date = due_date,
    balance = (select coalesce(sum(amount), 0) from kpi_ledger_entry e where e.invoice_id = i.invoice_id);
alter table kpi_invoice alter column original_due_date set not null;

create index kpi_invoice_open on kpi_invoice (tenant_id, currency, due_date) where closed_on is null;
create index kpi_invoice_closed on kpi_invoice (tenant_id, currency, closed_on) where closed_on is not null;
create index kpi_invoice_due on kpi_invoice (tenant_id, currency, due_date);
create index kpi_invoice_customer on kpi_invoice (tenant_id, customer_id);
create index kpi_ledger_entry_tenant on kpi_ledger_entry (tenant_id);

-- Debtors as invoicing and scoring describe them (segment for per-segment figures, name for people).
create table kpi_customer (
    tenant_id              text not null,
    customer_id            uuid not null,
    external_ref           text,
    name                   text,
    segment                text,
    credit_hold            boolean not null default false,
    score                  integer,
    risk_class             text,
    probability_of_default numeric(9, 6),
    primary key (tenant_id, customer_id)
);

-- Scores over time, so that a forecast as of a past date uses the probability known then.
create table kpi_score_history (
    tenant_id              text        not null,
    customer_id            uuid        not null,
    computed_at            timestamptz not null,
    computed_on            date        not null,
    score                  integer     not null,
    risk_class             text,
    probability_of_default numeric(9, 6),
    primary key (tenant_id, customer_id, computed_at)
);

-- Payments by id, so that a reversal undoes the delay weighting of the payment it reverses.
create table kpi_payment (
    invoice_id  uuid          not null references kpi_invoice (invoice_id),
    payment_id  text          not null,
    received_on date          not null,
    amount      numeric(19, 4) not null,
    primary key (invoice_id, payment_id)
);

-- One row per tenant, currency, customer and day: what happened that day, in amounts. Period KPIs
-- (sales, collections, delays) sum these rows, never the invoices.
create table kpi_daily_flow (
    tenant_id            text          not null,
    currency             char(3)       not null,
    customer_id          uuid          not null,
    day                  date          not null,
    invoiced             numeric(19, 4) not null default 0,
    invoices_issued      integer       not null default 0,
    credited             numeric(19, 4) not null default 0,
    cancelled            numeric(19, 4) not null default 0,
    discounted           numeric(19, 4) not null default 0,
    collected            numeric(19, 4) not null default 0,
    written_off          numeric(19, 4) not null default 0,
    disputed             numeric(19, 4) not null default 0,
    -- sum of amount x (payment date - due date) and amount x (payment date - issue date) of collections
    collected_due_days   numeric(24, 4) not null default 0,
    collected_issue_days numeric(24, 4) not null default 0,
    primary key (tenant_id, currency, day, customer_id)
);

create index kpi_daily_flow_customer on kpi_daily_flow (tenant_id, currency, customer_id, day);

create table kpi_dispute (
    tenant_id   text not null,
    dispute_id  text not null,
    invoice_id  uuid not null,
    amount      numeric(19, 4),
    opened_on   date not null,
    outcome     text,
    resolved_on date,
    primary key (tenant_id, dispute_id)
);

-- Reminders and escalations: one row per communication or escalation step, with the invoices it named.
create table kpi_reminder (
    tenant_id   text not null,
    reminder_id text not null,
    customer_id uuid not null,
    step        text not null,
    channel     text not null,
    -- null for an escalation: its amount is the open balance of its invoices on sent_on, read at query time
    amount      numeric(19, 4),
    currency    char(3),
    sent_on     date not null,
    primary key (tenant_id, reminder_id)
);

create index kpi_reminder_sent on kpi_reminder (tenant_id, sent_on);

create table kpi_reminder_invoice (
    tenant_id   text not null,
    reminder_id text not null,
    invoice_id  uuid not null,
    primary key (tenant_id, reminder_id, invoice_id)
);

-- Promises to pay and payment plans, with their outcome and the day it was known.
create table kpi_commitment (
    tenant_id     text not null,
    commitment_id text not null,
    kind          text not null, -- PROMISE or PLAN
    customer_id   uuid not null,
    amount        numeric(19, 4),
    currency      char(3),
    due_on        date,
    outcome       text,          -- KEPT or BROKEN; null while pending
    resolved_on   date,
    primary key (tenant_id, commitment_id)
);

create index kpi_commitment_resolved on kpi_commitment (tenant_id, kind, resolved_on);

-- Daily figures of a tenant and currency, kept so that trends are a cheap read. A row is computed the
-- first time a day is read and deleted when an event dated on or before that day arrives.
create table kpi_daily_snapshot (
    tenant_id                text          not null,
    currency                 char(3)       not null,
    day                      date          not null,
    outstanding              numeric(19, 4) not null,
    overdue                  numeric(19, 4) not null,
    dso                      numeric(9, 1),
    best_possible_dso        numeric(9, 1),
    average_days_delinquent  numeric(9, 1),
    cei                      numeric(9, 1),
    recovery_rate            numeric(9, 1),
    average_collection_delay numeric(9, 1),
    bad_debt_ratio           numeric(9, 2),
    dispute_rate             numeric(9, 2),
    promise_kept_rate        numeric(9, 1),
    primary key (tenant_id, currency, day)
);

-- Targets a tenant sets for its KPIs (e.g. DSO at most 45 days, CEI at least 80 %).
create table kpi_target (
    tenant_id  text           not null,
    kpi        text           not null,
    comparison text           not null, -- AT_MOST or AT_LEAST
    value      numeric(12, 2) not null,
    updated_at timestamptz    not null,
    updated_by text,
    primary key (tenant_id, kpi)
);
