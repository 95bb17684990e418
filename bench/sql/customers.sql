-- The bench book's customers, derived from numbers alone so that every service's database sees the
-- same ones without anything passing between them. psql variables: tenant, customers, asof.
set temp_buffers = '256MB';
set work_mem = '64MB';
-- Temporary tables only (computed once per session); the per-service scripts insert from them.

-- Customer n (1..customers): contact data, terms, segment and the risk class scoring would have
-- published (20 % A, 30 % B, 35 % C, 15 % D).
create temporary table bench_customer as
select n,
       md5(:'tenant' || ':customer:' || n)::uuid as id,
       'BENCH-C' || lpad(n::text, 6, '0') as external_ref,
       'Bench customer ' || n as name,
       case when n % 5 = 0 then 'en' else 'fr' end as language,
       case when n % 10 < 9 then 'ap' || n || '@bench.example' end as email,
       '+3361' || lpad(n::text, 7, '0') as phone,
       (array ['retail', 'industry', 'services', 'public'])[n % 4 + 1] as segment,
       case n % 4 when 0 then 60 when 1 then 45 else 30 end as terms,
       case when n % 20 < 4 then 'A' when n % 20 < 10 then 'B' when n % 20 < 17 then 'C' else 'D' end as risk_class
from generate_series(1, :customers) n;
create unique index on bench_customer (n);

-- Scores in the band of each class, as a ScoreChanged event would have carried them.
create temporary table bench_score as
select c.n, c.id, c.risk_class,
       case c.risk_class when 'A' then 800 when 'B' then 650 when 'C' then 500 else 350 end + c.n % 100 as score,
       case c.risk_class when 'A' then 0.005 when 'B' then 0.015 when 'C' then 0.040 else 0.120 end::numeric(9, 6) as pd,
       case c.risk_class when 'A' then 20000 when 'B' then 10000 when 'C' then 5000 else 2000 end::numeric(19, 4) as credit_limit,
       (:'asof'::date - 90)::timestamptz + interval '6 hours' as computed_at
from bench_customer c;

