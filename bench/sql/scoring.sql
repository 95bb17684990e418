-- scoring-service: the ledger replica that invoicing's events would have built (sc_customer, the
-- kit's invoice_replica), the scores and their history, and what dunning's events of the past runs would have
-- recorded: escalations and hold requests (sc_collection_event) and the holds they placed.
\set ON_ERROR_STOP on
begin;
delete from sc_collection_event where tenant_id = :'tenant';
delete from sc_credit_hold where tenant_id = :'tenant';
delete from sc_credit_decision where tenant_id = :'tenant';
delete from sc_score_history where tenant_id = :'tenant';
delete from sc_score where tenant_id = :'tenant';
delete from sc_settlement where tenant_id = :'tenant';
delete from invoice_replica where tenant_id = :'tenant';
delete from sc_customer where tenant_id = :'tenant';

insert into sc_customer (tenant_id, customer_id, name, segment, currency, registered, created_at)
select :'tenant', id::text, name, segment, 'EUR', true, :'asof'::date - 120
from bench_customer;

insert into invoice_replica (tenant_id, invoice_id, customer_id, number, currency, issue_date, due_date,
                             total_incl_tax, outstanding, status, disputed, updated_at)
select :'tenant', id::text, customer_id::text, number, 'EUR', issue, due, total, total, 'OPEN', false,
       issue + time '08:00'
from bench_invoice
order by k;

insert into sc_score (tenant_id, customer_id, score, risk_class, pd, recommended_limit, credit_limit, currency,
                      reasons, as_of, computed_at)
select :'tenant', id::text, score, risk_class, pd, credit_limit, credit_limit, 'EUR', '[]',
       (computed_at at time zone 'Europe/Paris')::date, computed_at
from bench_score;

insert into sc_score_history (tenant_id, customer_id, score, risk_class, pd, credit_limit, currency, reasons, as_of,
                              computed_at, trigger)
select :'tenant', id::text, score, risk_class, pd, credit_limit, 'EUR', '[]',
       (computed_at at time zone 'Europe/Paris')::date, computed_at, 'bench-generator'
from bench_score;

-- One DunningEscalated per customer, step and day (FORMAL_NOTICE, AGENCY), one CreditHoldRequested per
-- customer and day of a CREDIT_HOLD step; the first request put the customer on hold.
insert into sc_collection_event (tenant_id, customer_id, kind, ref, occurred_on)
select distinct :'tenant', customer_id::text,
       case when action = 'CREDIT_HOLD' then 'HOLD_REQUESTED' else 'ESCALATED' end,
       case when action = 'CREDIT_HOLD' then null else action end, taken_on
from bench_step_taken
where action is not null;

insert into sc_credit_hold (tenant_id, customer_id, on_hold, reason, changed_by, changed_at)
select :'tenant', customer_id::text, true, 'Requested by dunning: Dunning step CREDIT_HOLD', 'dunning',
       held_on + time '07:00'
from bench_held;
commit;
analyze sc_customer; analyze invoice_replica; analyze sc_score; analyze sc_collection_event; analyze sc_credit_hold;
