-- The limit for a dunning run: one SQL pass over dunning's replica making the same selection as a run
-- as of :asof for tenant :tenant on the bench book (open invoices issued by then, not disputed, of a
-- known customer who is neither do-not-dun nor exempt, under no active promise or plan; the
-- customer's policy by risk class, else the default; the most advanced step reached, unless already
-- taken), grouped like the run groups its messages (customer, step, currency). The run's other rules
-- (gap between steps, escalations one by one after the formal notice, minimum amounts) change
-- nothing on the bench book. Prints the number of groups and invoices it found.
\set ON_ERROR_STOP on
-- JIT compilation costs this query seconds and saves nothing: off, for this session only.
set jit = off;
-- The policies are written by the service, not by bench/generate, and this PostgreSQL runs without
-- autovacuum: without statistics the planner takes the ladder for one row and the pass ran for minutes.
analyze dunning_policy, dunning_policy_step;
with ladder as (
  select p.id, p.is_default, p.risk_classes as classes, s.code, s.offset_days, s.position as no
  from dunning_policy p
  join dunning_policy_step s
    on s.tenant_id = p.tenant_id and s.policy_id = p.id and s.policy_version = p.version
  where p.tenant_id = :'tenant' and not p.retired
    and p.version = (select max(version) from dunning_policy q where q.tenant_id = p.tenant_id and q.id = p.id)
),
policies as (select distinct id, is_default, classes from ladder),
-- the step each policy has reached on each day late (a small table: policies x days)
reach as materialized (
  select l.id as policy_id, d.days_late, (array_agg(l.code order by l.no desc))[1] as code
  from ladder l join generate_series(-3660, 3660) d(days_late) on l.offset_days <= d.days_late
  group by l.id, d.days_late
),
customer as materialized (
  select c.customer_id,
         coalesce((select p.id from policies p where r.risk_class = any (p.classes) limit 1),
                  (select p.id from policies p where p.is_default limit 1)) as policy_id
  from dn_customer c
  left join dn_customer_risk r on r.tenant_id = c.tenant_id and r.customer_id = c.customer_id
  left join customer_setting s on s.tenant_id = c.tenant_id and s.customer_id = c.customer_id
  where c.tenant_id = :'tenant' and not c.do_not_dun
    and not (coalesce(s.exempt, false) and (s.exempt_until is null or s.exempt_until >= :'asof'::date))
),
due as (
  select i.invoice_id, i.customer_id, i.currency, x.code
  from invoice_replica i
  join customer c on c.customer_id = i.customer_id
  join reach x on x.policy_id = c.policy_id and x.days_late = :'asof'::date - i.due_date
  where i.tenant_id = :'tenant' and i.outstanding > 0 and i.status not in ('PAID', 'CANCELLED', 'WRITTEN_OFF')
    and i.issue_date <= :'asof'::date and not i.disputed
    and not exists (select 1 from promise_invoice pi join promise_to_pay p on p.id = pi.promise_id
                    where pi.tenant_id = i.tenant_id and pi.invoice_id = i.invoice_id and p.status = 'ACTIVE')
    and not exists (select 1 from plan_invoice pi join payment_plan p on p.id = pi.plan_id
                    where pi.tenant_id = i.tenant_id and pi.invoice_id = i.invoice_id and p.status = 'ACTIVE')
    and not exists (select 1 from step_claim sc where sc.tenant_id = i.tenant_id and sc.invoice_id = i.invoice_id
                    and sc.step_code = x.code)
)
select count(*) as groups, sum(invoices) as invoices
from (select customer_id, code, currency, count(*) as invoices from due group by customer_id, code, currency) g;
