-- Aggregates of a tenant's whole book, kept by the projection in the same transaction as the rows they
-- sum, so that the tenant-wide summary reads a few hundred rows whatever the number of invoices (with
-- 1,000,000 invoices the per-invoice queries took tens of seconds). Scopes narrowed to a customer or a
-- segment keep reading the invoices through their indexes.

-- The current balance of a tenant's invoices per due date, how many of them are open, and what they
-- owed at the end of their due date (kpi_invoice.balance_at_due, counted when positive): the aging and
-- the recovery rate's base. Aging as of a past date takes back the entries dated after it.
alter table kpi_invoice add column balance_at_due numeric(19, 4) not null default 0;

update kpi_invoice i set balance_at_due = b.amount
from (select e.invoice_id, sum(e.amount) as amount
      from kpi_ledger_entry e join kpi_invoice j on j.invoice_id = e.invoice_id
      where e.entry_date <= j.due_date group by e.invoice_id) b
where b.invoice_id = i.invoice_id;

create table kpi_due_total (
    tenant_id   text          not null,
    currency    char(3)       not null,
    due_date    date          not null,
    balance     numeric(19, 4) not null default 0,
    open_count  bigint        not null default 0,
    owed_at_due numeric(19, 4) not null default 0,
    primary key (tenant_id, currency, due_date)
);

insert into kpi_due_total (tenant_id, currency, due_date, balance, open_count, owed_at_due)
select tenant_id, currency, due_date, sum(balance), count(*) filter (where balance <> 0),
       sum(greatest(balance_at_due, 0))
from kpi_invoice
group by tenant_id, currency, due_date;

-- The change of what a tenant is owed per day: outstanding as of a date is the sum up to it. An entry
-- dated before its invoice's issue date counts on the issue date: no invoice is outstanding before it.
create table kpi_outstanding_change (
    tenant_id text          not null,
    currency  char(3)       not null,
    day       date          not null,
    amount    numeric(19, 4) not null default 0,
    primary key (tenant_id, currency, day)
);

insert into kpi_outstanding_change (tenant_id, currency, day, amount)
select e.tenant_id, i.currency, greatest(e.entry_date, i.issue_date), sum(e.amount)
from kpi_ledger_entry e
join kpi_invoice i on i.invoice_id = e.invoice_id
group by e.tenant_id, i.currency, greatest(e.entry_date, i.issue_date);

-- kpi_daily_flow summed over the tenant's customers: one row per day for the period KPIs.
create table kpi_tenant_daily_flow (
    tenant_id            text          not null,
    currency             char(3)       not null,
    day                  date          not null,
    invoiced             numeric(19, 4) not null default 0,
    invoices_issued      integer       not null default 0,
    credited             numeric(19, 4) not null default 0,
    cancelled            numeric(19, 4) not null default 0,
    discounted           numeric(19, 4) not null default 0,
    collected            numeric(19, 4) not null default 0,
    written_off          numeric(19, 4) not null default 0,
    disputed             numeric(19, 4) not null default 0,
    collected_due_days   numeric(24, 4) not null default 0,
    collected_issue_days numeric(24, 4) not null default 0,
    primary key (tenant_id, currency, day)
);

insert into kpi_tenant_daily_flow (tenant_id, currency, day, invoiced, invoices_issued, credited, cancelled,
                                   discounted, collected, written_off, disputed, collected_due_days,
                                   collected_issue_days)
select tenant_id, currency, day, sum(invoiced), sum(invoices_issued), sum(credited), sum(cancelled),
       sum(discounted), sum(collected), sum(written_off), sum(disputed), sum(collected_due_days),
       sum(collected_issue_days)
from kpi_daily_flow
group by tenant_id, currency, day;

-- Entries after an as-of date (aging of a past date), and the payments of a period alone (recovery).
create index kpi_ledger_entry_tenant_date on kpi_ledger_entry (tenant_id, entry_date);
create index kpi_ledger_entry_payment on kpi_ledger_entry (tenant_id, entry_date)
    where kind in ('PAYMENT', 'PAYMENT_REVERSED');
