-- The bench book's invoices and the dunning steps taken on them, derived from numbers alone like the
-- customers (customers.sql, read first). psql variables: tenant, customers, invoices, asof.

-- Invoice k (1..invoices) of customer ((k - 1) mod customers) + 1: each customer's invoices are issued
-- 9 days apart over the 90 days up to asof, due after the customer's terms, 200.00 to 9999.99 EUR
-- incl. tax, nothing paid: every one is open.
create temporary table bench_invoice as
select k, c.n, c.id as customer_id, c.risk_class,
       md5(:'tenant' || ':invoice:' || k)::uuid as id,
       'BENCH-' || lpad(k::text, 7, '0') as number,
       x.issue, x.issue + c.terms as due,
       (200 + (k::bigint * 7919) % 980000 / 100.0)::numeric(19, 4) as total
from generate_series(1, :invoices) k
cross join lateral (select ((k - 1) % :customers) + 1 as n,
                           :'asof'::date - (((k - 1) % :customers + 1 + 9 * ((k - 1) / :customers)) % 90)::int as issue) x
join bench_customer c on c.n = x.n;

-- The default dunning ladders (dunning-service DefaultPolicies): the policy a risk class gets and the
-- offset of each step from the due date.
create temporary table bench_ladder (risk_class text, code text, step_no int, offset_days int, action text);
insert into bench_ladder
select r, s.code, s.no, case when r in ('A', 'B') then s.gentle when r = 'C' then s.standard else s.fast end,
       s.action
from unnest(array ['A', 'B', 'C', 'D', 'E']) r
cross join (values ('COURTESY', 1, -5, -5, -7, null),
                   ('FRIENDLY', 2, 1, 5, 1, null),
                   ('SECOND', 3, 10, 15, 7, null),
                   ('CALL', 4, 20, 30, 12, null),
                   ('FORMAL_NOTICE', 5, 30, 45, 20, 'FORMAL_NOTICE'),
                   ('CREDIT_HOLD', 6, 45, 60, 25, 'CREDIT_HOLD'),
                   ('AGENCY', 7, 60, 90, 45, 'AGENCY')) s(code, no, standard, gentle, fast, action);

-- The steps daily runs up to the day before asof took: each step on the day the invoice reached it
-- (every group is above the steps' minimum amounts, and the ladders' steps are further apart than
-- their minimum gaps, so each run took exactly the step reached that day).
create temporary table bench_step_taken as
select i.id as invoice_id, i.customer_id, l.code, l.action, i.due + l.offset_days as taken_on
from bench_invoice i
join bench_ladder l on l.risk_class = i.risk_class
where i.due + l.offset_days <= :'asof'::date - 1;

-- Customers whose CREDIT_HOLD step was taken, with the day of the first request.
create temporary table bench_held as
select customer_id, min(taken_on) as held_on from bench_step_taken where code = 'CREDIT_HOLD' group by customer_id;
create unique index on bench_held (customer_id);
analyze bench_customer; analyze bench_score; analyze bench_invoice; analyze bench_step_taken; analyze bench_held;
