-- Cash application (docs/cash-application.md): every invoice gets its ISO 11649 creditor reference,
-- and bank statements, their entries, the matches made from them and the cash left on a customer's
-- account get tables of their own.

-- 1. paymentReference. Derived from the invoice id alone (cash.CreditorReference.forInvoice computes
-- the same): the id's 128 bits modulo 36^16 in 16 base-36 characters, behind RF and the ISO 7064
-- MOD 97-10 check digits. Existing invoices of every tenant are back-filled, so this migration runs
-- as the unbound pool user (the kit's afterMigrate callback forces the policy again).
create function cash_creditor_reference(invoice_id uuid) returns text
    language plpgsql immutable strict as $$
declare
    hex    constant text := replace(invoice_id::text, '-', '');
    alpha  constant text := '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    n      numeric := 0;
    body   text := '';
    s      text;
    c      text;
    r      integer := 0;
begin
    for i in 1..32 loop
        n := n * 16 + (position(substr(hex, i, 1) in '0123456789abcdef') - 1);
    end loop;
    n := mod(n, 7958661109946400884391936::numeric); -- 36^16
    for i in 1..16 loop
        body := substr(alpha, mod(n, 36)::integer + 1, 1) || body;
        n := div(n, 36);
    end loop;
    s := body || 'RF00';
    for i in 1..length(s) loop
        c := substr(s, i, 1);
        if c between '0' and '9' then
            r := mod(r * 10 + c::integer, 97);
        else
            r := mod(r * 100 + position(c in alpha) - 1, 97);
        end if;
    end loop;
    return 'RF' || lpad((98 - r)::text, 2, '0') || body;
end
$$;

alter table invoice no force row level security;
alter table invoice add column payment_reference text;
update invoice set payment_reference = cash_creditor_reference(id);
alter table invoice alter column payment_reference set not null;
alter table invoice add constraint invoice_payment_reference_unique unique (tenant_id, payment_reference);

-- Invoice numbers as the matcher compares them with transfer texts: letters and digits only, and
-- digits only (a debtor writes "FAC 2026 0001" for F-2026-0001).
create index invoice_number_key on invoice (tenant_id, upper(regexp_replace(number, '[^A-Za-z0-9]', '', 'g')));
create index invoice_number_digits on invoice (tenant_id, regexp_replace(number, '[^0-9]', '', 'g'));
-- Transfers that name nothing are compared by amount with what open invoices still owe.
create index invoice_open_outstanding on invoice
    (tenant_id, currency, (total_incl_tax - amount_paid - discount_granted - amount_credited))
    where status in ('OPEN', 'PARTIALLY_PAID');

-- 2. Statements. One row per imported statement (or camt.054 notification); the same statement
-- again (same account and statement id) is found, not imported twice.
create table bank_statement (
    id               uuid primary key,
    tenant_id        text          not null,
    format           text          not null,
    account          text          not null,
    statement_key    text          not null,
    currency         char(3),
    opening_balance  numeric(19, 4),
    closing_balance  numeric(19, 4),
    balanced         boolean,
    balance_note     text,
    entries          integer       not null,
    created_at       timestamptz   not null,
    constraint bank_statement_unique unique (tenant_id, account, statement_key),
    constraint bank_statement_tenant_id unique (tenant_id, id)
);

-- One row per booked entry of an account, whatever statements carried it: overlapping statements
-- share their common entries, so nothing is applied twice.
create table bank_entry (
    id               uuid primary key,
    tenant_id        text           not null,
    account          text           not null,
    entry_key        text           not null,
    entry_reference  text,
    amount           numeric(19, 4) not null,
    currency         char(3)        not null,
    credit           boolean        not null,
    reversal         boolean        not null,
    booking_date     date           not null,
    debtor_name      text,
    debtor_iban      text,
    remittance       text,
    end_to_end_id    text,
    status           text           not null,
    customer_id      uuid,
    confidence       numeric(5, 4),
    candidates       text           not null,
    reasons          text           not null,
    version          bigint         not null,
    created_at       timestamptz    not null,
    constraint bank_entry_unique unique (tenant_id, account, entry_key),
    constraint bank_entry_tenant_id unique (tenant_id, id)
);

create index bank_entry_end_to_end on bank_entry (tenant_id, account, end_to_end_id);

-- What applying an entry made: payments (one per customer paid) and cash left on an account.
create table bank_entry_application (
    id                uuid primary key,
    tenant_id         text not null,
    entry_id          uuid not null,
    payment_id        uuid,
    account_credit_id uuid,
    constraint bank_entry_application_entry_fkey
        foreign key (tenant_id, entry_id) references bank_entry (tenant_id, id)
);

create index bank_entry_application_entry on bank_entry_application (entry_id);

create table bank_statement_entry (
    tenant_id    text    not null default nullif(current_setting('app.tenant', true), ''),
    statement_id uuid    not null,
    entry_id     uuid    not null,
    position     integer not null,
    primary key (statement_id, entry_id),
    constraint bank_statement_entry_statement_fkey
        foreign key (tenant_id, statement_id) references bank_statement (tenant_id, id),
    constraint bank_statement_entry_entry_fkey
        foreign key (tenant_id, entry_id) references bank_entry (tenant_id, id)
);

create index bank_statement_entry_order on bank_statement_entry (statement_id, position);

-- 3. Money on a customer's account not applied to any invoice: the excess of a transfer (CASH), or
-- a credit not tied to an invoice (CREDIT). remaining falls as it is applied to invoices later.
create table customer_account_credit (
    id          uuid primary key,
    tenant_id   text           not null,
    customer_id uuid           not null,
    kind        text           not null,
    currency    char(3)        not null,
    amount      numeric(19, 4) not null,
    remaining   numeric(19, 4) not null,
    received_on date           not null,
    source      text           not null,
    version     bigint         not null,
    created_at  timestamptz    not null,
    constraint customer_account_credit_remaining check (remaining >= 0 and remaining <= amount),
    constraint customer_account_credit_customer_fkey foreign key (customer_id) references customer (id)
);

create index customer_account_credit_customer on customer_account_credit (tenant_id, customer_id);

-- 4. Payer accounts learnt from confirmed matches: an IBAN that paid a customer's invoices before.
create table payer_account (
    tenant_id     text        not null,
    iban          text        not null,
    customer_id   uuid        not null references customer (id),
    confirmations integer     not null,
    last_at       timestamptz not null,
    primary key (tenant_id, iban, customer_id)
);

-- 5. What happened to each entry, and who did it.
create table bank_entry_audit (
    id        bigserial primary key,
    tenant_id text        not null,
    entry_id  uuid        not null,
    at        timestamptz not null,
    principal text        not null,
    action    text        not null,
    detail    text
);

create index bank_entry_audit_entry on bank_entry_audit (entry_id, id);
