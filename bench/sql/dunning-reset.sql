-- Undoes what dunning runs as of :asof or later did for tenant :tenant, so that the dunning benchmark
-- can run the same day's run again on the generated book: their claims, reminders, tasks, hand-overs,
-- timeline entries and the runs themselves; and puts the customers' risk back as generated, with the
-- credit holds of the steps taken before :asof (a run's escalations make scoring rescore customers,
-- and their new classes would select other ladders). Events they published are not recalled.
-- Read after customers.sql (psql variables: tenant, customers, asof).
\set ON_ERROR_STOP on
begin;
create temporary table bench_reset_run on commit drop as
select id from dunning_run where tenant_id = :'tenant' and as_of >= :'asof'::date;
delete from timeline_entry where tenant_id = :'tenant'
  and (on_date >= :'asof'::date
       or ref_id in (select id::text from reminder where run_id in (select id from bench_reset_run)));
delete from reminder_invoice where reminder_id in (select id from reminder where run_id in (select id from bench_reset_run));
delete from reminder_announced where run_id in (select id from bench_reset_run);
delete from reminder where run_id in (select id from bench_reset_run);
delete from call_task where run_id in (select id from bench_reset_run);
delete from agency_handover where run_id in (select id from bench_reset_run);
delete from step_claim where tenant_id = :'tenant' and as_of >= :'asof'::date;
delete from dunning_run where id in (select id from bench_reset_run);
update dn_customer_risk r set score = s.score, risk_class = s.risk_class, probability_of_default = s.pd,
    credit_hold = exists (select 1 from step_claim k where k.tenant_id = r.tenant_id
                          and k.customer_id = r.customer_id and k.step_code = 'CREDIT_HOLD')
from bench_score s
where r.tenant_id = :'tenant' and r.customer_id = s.id::text;
commit;
