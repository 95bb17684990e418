-- kpi-service: what CustomerRegistered, ScoreChanged, CreditHoldChanged and InvoiceIssued would have
-- projected (EventProjection): customers with their score and hold, score history, invoices with
-- their ISSUED ledger entry and current balance, the daily flows of the issue days, and the tenant's
-- and the segments' aggregates of them.
\set ON_ERROR_STOP on
begin;
delete from kpi_daily_snapshot where tenant_id = :'tenant';
delete from kpi_due_total where tenant_id = :'tenant';
delete from kpi_outstanding_change where tenant_id = :'tenant';
delete from kpi_tenant_daily_flow where tenant_id = :'tenant';
delete from kpi_segment_due_total where tenant_id = :'tenant';
delete from kpi_segment_outstanding_change where tenant_id = :'tenant';
delete from kpi_segment_daily_flow where tenant_id = :'tenant';
delete from kpi_daily_flow where tenant_id = :'tenant';
delete from kpi_payment where invoice_id in (select invoice_id from kpi_invoice where tenant_id = :'tenant');
delete from kpi_ledger_entry where tenant_id = :'tenant';
delete from kpi_reminder_invoice where tenant_id = :'tenant';
delete from kpi_reminder where tenant_id = :'tenant';
delete from kpi_dispute where tenant_id = :'tenant';
delete from kpi_invoice where tenant_id = :'tenant';
delete from kpi_score_history where tenant_id = :'tenant';
delete from kpi_customer where tenant_id = :'tenant';

insert into kpi_customer (tenant_id, customer_id, external_ref, name, segment, credit_hold, score, risk_class,
                          probability_of_default)
select :'tenant', c.id, c.external_ref, c.name, c.segment,
       c.id in (select customer_id from bench_held),
       s.score, s.risk_class, s.pd
from bench_customer c join bench_score s on s.n = c.n;

insert into kpi_score_history (tenant_id, customer_id, computed_at, computed_on, score, risk_class,
                               probability_of_default)
select :'tenant', id, computed_at, (computed_at at time zone 'Europe/Paris')::date, score, risk_class, pd
from bench_score;

insert into kpi_invoice (invoice_id, tenant_id, customer_id, number, currency, issue_date, due_date,
                         original_due_date, total_incl_tax, balance, closed_on, disputed, balance_at_due)
select id, :'tenant', customer_id, number, 'EUR', issue, due, due, total, total, null, false, total
from bench_invoice;

insert into kpi_ledger_entry (tenant_id, invoice_id, entry_date, kind, amount, event_id)
select :'tenant', id, issue, 'ISSUED', total, md5(:'tenant' || ':issued:' || k)::uuid::text
from bench_invoice;

insert into kpi_daily_flow (tenant_id, currency, customer_id, day, invoiced, invoices_issued)
select :'tenant', 'EUR', customer_id, issue, sum(total), count(*)
from bench_invoice
group by customer_id, issue;

-- the tenant-wide aggregates the projection keeps beside them (kpi-service V3)
insert into kpi_due_total (tenant_id, currency, due_date, balance, open_count, owed_at_due)
select :'tenant', 'EUR', due, sum(total), count(*), sum(total) from bench_invoice group by due;

insert into kpi_outstanding_change (tenant_id, currency, day, amount)
select :'tenant', 'EUR', issue, sum(total) from bench_invoice group by issue;

insert into kpi_tenant_daily_flow (tenant_id, currency, day, invoiced, invoices_issued)
select :'tenant', 'EUR', issue, sum(total), count(*) from bench_invoice group by issue;

-- the same per customer segment (kpi-service V7)
insert into kpi_segment_due_total (tenant_id, currency, segment, due_date, balance, open_count, owed_at_due)
select :'tenant', 'EUR', c.segment, i.due, sum(i.total), count(*), sum(i.total)
from bench_invoice i join bench_customer c on c.id = i.customer_id
group by c.segment, i.due;

insert into kpi_segment_outstanding_change (tenant_id, currency, segment, day, amount)
select :'tenant', 'EUR', c.segment, i.issue, sum(i.total)
from bench_invoice i join bench_customer c on c.id = i.customer_id
group by c.segment, i.issue;

insert into kpi_segment_daily_flow (tenant_id, currency, segment, day, invoiced, invoices_issued)
select :'tenant', 'EUR', c.segment, i.issue, sum(i.total), count(*)
from bench_invoice i join bench_customer c on c.id = i.customer_id
group by c.segment, i.issue;
commit;
analyze kpi_customer; analyze kpi_invoice; analyze kpi_ledger_entry; analyze kpi_daily_flow; analyze kpi_score_history;
analyze kpi_due_total; analyze kpi_outstanding_change; analyze kpi_tenant_daily_flow;
analyze kpi_segment_due_total; analyze kpi_segment_outstanding_change; analyze kpi_segment_daily_flow;
