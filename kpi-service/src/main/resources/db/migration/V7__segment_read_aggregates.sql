-- The tenant's aggregates of V3, per customer segment: a segment's summary read every invoice of its
-- customers (seconds with 1,000,000 invoices); it now reads a few hundred rows like the tenant's.
-- A customer counts in its current segment (kpi_customer.segment): when it changes, the projection
-- moves the customer's figures from the old segment's rows to the new one's, in the transaction of
-- the event. Customers without a segment are in none of these rows.

create table kpi_segment_due_total (
    tenant_id   text           not null,
    currency    char(3)        not null,
    segment     text           not null,
    due_date    date           not null,
    balance     numeric(19, 4) not null default 0,
    open_count  bigint         not null default 0,
    owed_at_due numeric(19, 4) not null default 0,
    primary key (tenant_id, currency, segment, due_date)
);

insert into kpi_segment_due_total (tenant_id, currency, segment, due_date, balance, open_count,
                                   owed_at_due)
select i.tenant_id, i.currency, c.segment, i.due_date, sum(i.balance),
       count(*) filter (where i.balance <> 0), sum(greatest(i.balance_at_due, 0))
from kpi_invoice i
join kpi_customer c on c.tenant_id = i.tenant_id and c.customer_id = i.customer_id
where c.segment is not null
group by i.tenant_id, i.currency, c.segment, i.due_date;

create table kpi_segment_outstanding_change (
    tenant_id text           not null,
    currency  char(3)        not null,
    segment   text           not null,
    day       date           not null,
    amount    numeric(19, 4) not null default 0,
    primary key (tenant_id, currency, segment, day)
);

insert into kpi_segment_outstanding_change (tenant_id, currency, segment, day, amount)
select e.tenant_id, i.currency, c.segment, greatest(e.entry_date, i.issue_date), sum(e.amount)
from kpi_ledger_entry e
join kpi_invoice i on i.invoice_id = e.invoice_id
join kpi_customer c on c.tenant_id = i.tenant_id and c.customer_id = i.customer_id
where c.segment is not null
group by e.tenant_id, i.currency, c.segment, greatest(e.entry_date, i.issue_date);

create table kpi_segment_daily_flow (
    tenant_id            text           not null,
    currency             char(3)        not null,
    segment              text           not null,
    day                  date           not null,
    invoiced             numeric(19, 4) not null default 0,
    invoices_issued      integer        not null default 0,
    credited             numeric(19, 4) not null default 0,
    cancelled            numeric(19, 4) not null default 0,
    discounted           numeric(19, 4) not null default 0,
    collected            numeric(19, 4) not null default 0,
    written_off          numeric(19, 4) not null default 0,
    disputed             numeric(19, 4) not null default 0,
    collected_due_days   numeric(24, 4) not null default 0,
    collected_issue_days numeric(24, 4) not null default 0,
    primary key (tenant_id, currency, segment, day)
);

insert into kpi_segment_daily_flow (tenant_id, currency, segment, day, invoiced, invoices_issued,
                                    credited, cancelled, discounted, collected, written_off,
                                    disputed, collected_due_days, collected_issue_days)
select f.tenant_id, f.currency, c.segment, f.day, sum(f.invoiced), sum(f.invoices_issued),
       sum(f.credited), sum(f.cancelled), sum(f.discounted), sum(f.collected), sum(f.written_off),
       sum(f.disputed), sum(f.collected_due_days), sum(f.collected_issue_days)
from kpi_daily_flow f
join kpi_customer c on c.tenant_id = f.tenant_id and c.customer_id = f.customer_id
where c.segment is not null
group by f.tenant_id, f.currency, c.segment, f.day;
