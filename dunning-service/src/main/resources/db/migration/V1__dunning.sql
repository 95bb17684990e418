-- dunning-service: replica of invoicing and scoring facts, policies, runs, reminders, commitments.
-- Ids that come from other services' events are text: a malformed id from someone else's topic must
-- never stop this consumer. Ids this service creates are uuid.

-- ---------------------------------------------------------------- replica (from events only)
create table dn_customer (
    tenant_id    text        not null,
    customer_id  text        not null,
    external_ref text,
    name         text,
    country      text,
    currency     text,
    language     text,
    email        text,
    phone        text,
    segment      text,
    do_not_dun   boolean     not null default false,
    credit_hold  boolean     not null default false,
    updated_at   timestamptz not null,
    primary key (tenant_id, customer_id)
);

-- From receivables.scoring.v1: its own table, since scoring events may arrive before the customer.
create table dn_customer_risk (
    tenant_id              text        not null,
    customer_id            text        not null,
    score                  integer,
    risk_class             text,
    probability_of_default numeric(9, 6),
    credit_hold            boolean,
    updated_at             timestamptz not null,
    primary key (tenant_id, customer_id)
);

create table dn_invoice (
    tenant_id      text          not null,
    invoice_id     text          not null,
    customer_id    text          not null,
    number         text          not null,
    currency       text          not null,
    issue_date     date          not null,
    due_date       date          not null,
    total_incl_tax numeric(19, 4) not null,
    outstanding    numeric(19, 4) not null,
    status         text          not null,
    disputed       boolean       not null default false,
    updated_at     timestamptz   not null,
    primary key (tenant_id, invoice_id)
);
create index dn_invoice_open on dn_invoice (tenant_id, customer_id) where outstanding > 0;

-- Every change of what is owed, dated: interest runs on the principal as it was each day, and
-- promises and plans are judged by what was paid when.
create table dn_invoice_movement (
    tenant_id   text          not null,
    event_id    text          not null,
    invoice_id  text          not null,
    kind        text          not null, -- PAYMENT, REVERSAL, CREDIT_NOTE, CANCELLED, WRITTEN_OFF
    on_date     date          not null,
    amount      numeric(19, 4) not null, -- reduces the principal when positive
    primary key (tenant_id, event_id)
);
create index dn_invoice_movement_invoice on dn_invoice_movement (tenant_id, invoice_id, on_date);

-- ---------------------------------------------------------------- policies (versioned data)
create table dunning_policy (
    tenant_id        text        not null,
    id               uuid        not null,
    version          integer     not null,
    name             text        not null,
    description      text,
    is_default       boolean     not null,
    risk_classes     text        not null, -- JSON array
    segments         text        not null, -- JSON array
    priority         integer     not null,
    min_gap_days     integer     not null,
    interest_basis   text        not null,
    contractual_rate numeric(9, 4),
    steps            text        not null, -- JSON array of steps
    retired          boolean     not null default false,
    created_at       timestamptz not null,
    created_by       text,
    primary key (tenant_id, id, version)
);

create table customer_setting (
    tenant_id    text        not null,
    customer_id  text        not null,
    policy_id    uuid,
    exempt       boolean     not null default false,
    exempt_until date,
    reason       text,
    updated_at   timestamptz not null,
    updated_by   text,
    primary key (tenant_id, customer_id)
);

create table tenant_profile (
    tenant_id     text        primary key,
    creditor_name text,
    address       text,
    iban          text,
    bic           text,
    contact_email text,
    contact_phone text,
    updated_at    timestamptz not null
);

-- ---------------------------------------------------------------- late-payment interest
-- The ECB main refinancing rate in force on the first day of each half-year. tenant_id '' is the
-- suite-wide table seeded below; a tenant's own rows override it for that tenant only.
create table reference_rate (
    tenant_id  text         not null,
    year       integer      not null,
    half       integer      not null check (half in (1, 2)),
    rate       numeric(7, 4) not null,
    source     text,
    updated_at timestamptz  not null,
    primary key (tenant_id, year, half)
);

-- Sources: ECB key interest rates (main refinancing operations, fixed/minimum bid rate), as in force on
-- 1 January and 1 July; the same half-year figures are published in France by the Banque de France /
-- Ministère de l'Économie for the L441-10 penalty rate.
insert into reference_rate (tenant_id, year, half, rate, source, updated_at) values
 ('', 2012, 1, 1.00, 'ECB MRO in force 1 Jan 2012 (since 14 Dec 2011)', now()),
 ('', 2012, 2, 1.00, 'ECB MRO in force 1 Jul 2012', now()),
 ('', 2013, 1, 0.75, 'ECB MRO in force 1 Jan 2013 (since 11 Jul 2012)', now()),
 ('', 2013, 2, 0.50, 'ECB MRO in force 1 Jul 2013 (since 8 May 2013)', now()),
 ('', 2014, 1, 0.25, 'ECB MRO in force 1 Jan 2014 (since 13 Nov 2013)', now()),
 ('', 2014, 2, 0.15, 'ECB MRO in force 1 Jul 2014 (since 11 Jun 2014)', now()),
 ('', 2015, 1, 0.05, 'ECB MRO in force 1 Jan 2015 (since 10 Sep 2014)', now()),
 ('', 2015, 2, 0.05, 'ECB MRO in force 1 Jul 2015', now()),
 ('', 2016, 1, 0.05, 'ECB MRO in force 1 Jan 2016', now()),
 ('', 2016, 2, 0.00, 'ECB MRO in force 1 Jul 2016 (since 16 Mar 2016)', now()),
 ('', 2017, 1, 0.00, 'ECB MRO in force 1 Jan 2017', now()),
 ('', 2017, 2, 0.00, 'ECB MRO in force 1 Jul 2017', now()),
 ('', 2018, 1, 0.00, 'ECB MRO in force 1 Jan 2018', now()),
 ('', 2018, 2, 0.00, 'ECB MRO in force 1 Jul 2018', now()),
 ('', 2019, 1, 0.00, 'ECB MRO in force 1 Jan 2019', now()),
 ('', 2019, 2, 0.00, 'ECB MRO in force 1 Jul 2019', now()),
 ('', 2020, 1, 0.00, 'ECB MRO in force 1 Jan 2020', now()),
 ('', 2020, 2, 0.00, 'ECB MRO in force 1 Jul 2020', now()),
 ('', 2021, 1, 0.00, 'ECB MRO in force 1 Jan 2021', now()),
 ('', 2021, 2, 0.00, 'ECB MRO in force 1 Jul 2021', now()),
 ('', 2022, 1, 0.00, 'ECB MRO in force 1 Jan 2022', now()),
 ('', 2022, 2, 0.00, 'ECB MRO in force 1 Jul 2022 (first rise only on 27 Jul 2022)', now()),
 ('', 2023, 1, 2.50, 'ECB MRO in force 1 Jan 2023 (since 21 Dec 2022)', now()),
 ('', 2023, 2, 4.00, 'ECB MRO in force 1 Jul 2023 (since 21 Jun 2023)', now()),
 ('', 2024, 1, 4.50, 'ECB MRO in force 1 Jan 2024 (since 20 Sep 2023)', now()),
 ('', 2024, 2, 4.25, 'ECB MRO in force 1 Jul 2024 (since 12 Jun 2024)', now()),
 ('', 2025, 1, 3.15, 'ECB MRO in force 1 Jan 2025 (since 18 Dec 2024)', now()),
 ('', 2025, 2, 2.15, 'ECB MRO in force 1 Jul 2025 (since 11 Jun 2025)', now());

-- ---------------------------------------------------------------- runs and what they did
create table dunning_run (
    id                  uuid        primary key,
    tenant_id           text        not null,
    as_of               date        not null,
    dry_run             boolean     not null,
    trigger             text        not null, -- API or SCHEDULE
    started_at          timestamptz not null,
    finished_at         timestamptz,
    started_by          text,
    invoices_considered integer     not null default 0,
    reminders_sent      integer     not null default 0,
    reminders_failed    integer     not null default 0,
    call_tasks_created  integer     not null default 0,
    escalations         integer     not null default 0,
    skipped             text        not null default '[]', -- JSON array of {invoiceId, customerId, reason}
    actions             text        not null default '[]'  -- JSON array of what the run did per customer and step
);
create index dunning_run_tenant on dunning_run (tenant_id, started_at desc, id);

-- The guarantee that no invoice gets the same step twice, whatever runs and replicas race.
create table step_claim (
    tenant_id   text        not null,
    invoice_id  text        not null,
    step_code   text        not null,
    run_id      uuid        not null,
    customer_id text        not null,
    as_of       date        not null,
    claimed_at  timestamptz not null,
    primary key (tenant_id, invoice_id, step_code)
);
create index step_claim_customer on step_claim (tenant_id, customer_id);

-- One message on one channel to one customer for one step; lists every invoice it covers.
create table reminder (
    id             uuid          primary key,
    tenant_id      text          not null,
    run_id         uuid          not null,
    customer_id    text          not null,
    step_code      text          not null,
    step_name      text          not null,
    channel        text          not null, -- EMAIL, SMS, LETTER
    template       text          not null,
    language       text          not null,
    policy_id      uuid          not null,
    policy_version integer       not null,
    as_of          date          not null,
    currency       text          not null,
    amount         numeric(19, 4) not null,
    interest       numeric(19, 4),
    indemnity      numeric(19, 4),
    recipient      text,
    subject        text,
    content        text,          -- the rendered message as sent (HTML for mail, text for SMS and letters)
    document       bytea,         -- the letter as PDF
    status         text          not null, -- PENDING, SENDING, SENT, FAILED
    attempts       integer       not null default 0,
    last_error     text,
    created_at     timestamptz   not null,
    sent_at        timestamptz
);
create index reminder_tenant_customer on reminder (tenant_id, customer_id, created_at, id);
create index reminder_tenant_created on reminder (tenant_id, created_at, id);
create index reminder_pending on reminder (tenant_id, status) where status <> 'SENT';

create table reminder_invoice (
    reminder_id  uuid          not null references reminder (id),
    invoice_id   text          not null,
    number       text          not null,
    issue_date   date          not null,
    due_date     date          not null,
    days_late    integer       not null,
    total        numeric(19, 4) not null,
    outstanding  numeric(19, 4) not null,
    interest     numeric(19, 4),
    indemnity    numeric(19, 4),
    primary key (reminder_id, invoice_id)
);
create index reminder_invoice_invoice on reminder_invoice (invoice_id);

-- ---------------------------------------------------------------- collectors' work
create table call_task (
    id             uuid          primary key,
    tenant_id      text          not null,
    customer_id    text          not null,
    run_id         uuid,
    step_code      text          not null,
    invoice_ids    text          not null, -- JSON array
    currency       text          not null,
    amount         numeric(19, 4) not null,
    probability    numeric(9, 6) not null,
    expected_value numeric(19, 4) not null,
    due_on         date          not null,
    status         text          not null, -- OPEN, DONE
    outcome        text,
    note           text,
    done_by        text,
    done_at        timestamptz,
    created_at     timestamptz   not null
);
create index call_task_worklist on call_task (tenant_id, status, expected_value desc, id);

create table agency_handover (
    id          uuid          primary key,
    tenant_id   text          not null,
    customer_id text          not null,
    run_id      uuid,
    step_code   text          not null,
    invoice_ids text          not null, -- JSON array
    currency    text          not null,
    principal   numeric(19, 4) not null,
    interest    numeric(19, 4) not null,
    indemnity   numeric(19, 4) not null,
    handed_on   date          not null,
    created_at  timestamptz   not null
);
create index agency_handover_tenant on agency_handover (tenant_id, handed_on, id);

-- ---------------------------------------------------------------- promises and plans
create table promise_to_pay (
    id           uuid          primary key,
    tenant_id    text          not null,
    customer_id  text          not null,
    invoice_ids  text          not null, -- JSON array
    amount       numeric(19, 4) not null,
    currency     text          not null,
    promised_for date          not null,
    made_on      date          not null,
    grace_days   integer       not null,
    status       text          not null, -- ACTIVE, KEPT, BROKEN
    closed_on    date,
    note         text,
    created_by   text,
    created_at   timestamptz   not null
);
create index promise_tenant_customer on promise_to_pay (tenant_id, customer_id, status);

create table payment_plan (
    id          uuid          primary key,
    tenant_id   text          not null,
    customer_id text          not null,
    invoice_ids text          not null, -- JSON array
    currency    text          not null,
    total       numeric(19, 4) not null,
    instalments text          not null, -- JSON array of {dueDate, amount}
    agreed_on   date          not null,
    grace_days  integer       not null,
    waive_fees  boolean       not null,
    status      text          not null, -- ACTIVE, COMPLETED, BROKEN
    closed_on   date,
    note        text,
    created_by  text,
    created_at  timestamptz   not null
);
create index payment_plan_tenant_customer on payment_plan (tenant_id, customer_id, status);

-- ---------------------------------------------------------------- case timeline
create table timeline_entry (
    id          uuid        primary key,
    tenant_id   text        not null,
    customer_id text        not null,
    at          timestamptz not null,
    on_date     date,
    kind        text        not null,
    actor       text        not null,
    summary     text        not null,
    ref_id      text
);
create index timeline_customer on timeline_entry (tenant_id, customer_id, at, id);

-- ---------------------------------------------------------------- the daily scheduled run
create table scheduled_run (
    day        date        primary key,
    claimed_at timestamptz not null,
    claimed_by text        not null
);
