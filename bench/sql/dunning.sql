-- dunning-service: the replica that invoicing's and scoring's events would have built (dn_customer,
-- dn_customer_risk, invoice_replica), the step claims of the daily runs before asof and those runs, the
-- credit holds the CREDIT_HOLD steps obtained. Reminders, tasks and timelines of those past runs are
-- not generated: a run reads only the claims.
\set ON_ERROR_STOP on
begin;
delete from step_claim where tenant_id = :'tenant';
delete from reminder_invoice where reminder_id in (select id from reminder where tenant_id = :'tenant');
delete from reminder where tenant_id = :'tenant';
delete from call_task where tenant_id = :'tenant';
delete from agency_handover where tenant_id = :'tenant';
delete from timeline_entry where tenant_id = :'tenant';
delete from dunning_run where tenant_id = :'tenant';
delete from dn_invoice_movement where tenant_id = :'tenant';
delete from invoice_replica where tenant_id = :'tenant';
delete from dn_customer_risk where tenant_id = :'tenant';
delete from dn_customer where tenant_id = :'tenant';

insert into dn_customer (tenant_id, customer_id, external_ref, name, country, currency, language, email, phone,
                         segment, do_not_dun, credit_hold, updated_at)
select :'tenant', id::text, external_ref, name, 'FR', 'EUR', language, email, phone, segment, false, false, now()
from bench_customer;

insert into dn_customer_risk (tenant_id, customer_id, score, risk_class, probability_of_default, credit_hold, updated_at)
select :'tenant', s.id::text, s.score, s.risk_class, s.pd,
       s.id in (select customer_id from bench_held), now()
from bench_score s;

insert into invoice_replica (tenant_id, invoice_id, customer_id, number, currency, issue_date, due_date, total_incl_tax,
                        outstanding, status, disputed, updated_at)
select :'tenant', id::text, customer_id::text, number, 'EUR', issue, due, total, total, 'OPEN', false, now()
from bench_invoice;

insert into dunning_run (id, tenant_id, as_of, dry_run, trigger, started_at, finished_at, started_by)
select md5(:'tenant' || ':run:' || d)::uuid, :'tenant', d, false, 'SCHEDULE', d + time '07:00', d + time '07:10',
       'bench-generator'
from generate_series(:'asof'::date - 150, :'asof'::date - 1, interval '1 day') g(g)
cross join lateral (select g::date as d) x;

insert into step_claim (tenant_id, invoice_id, step_code, run_id, customer_id, as_of, claimed_at)
select :'tenant', invoice_id::text, code, md5(:'tenant' || ':run:' || taken_on)::uuid, customer_id::text, taken_on,
       taken_on + time '07:00'
from bench_step_taken;
commit;
analyze dn_customer; analyze dn_customer_risk; analyze invoice_replica; analyze step_claim; analyze dunning_run;
