-- The sending benchmark's load: :n reminders of tenant :tenant queued at once for the senders, as a
-- run's decision would store and queue them (one e-mail to a customer of its own, one invoice each,
-- a rendered message of about 3 kB), under one run :run. psql variables: tenant, n, run.
\set ON_ERROR_STOP on
begin;
-- the reminders' rows are the tenant's: the pool user writes them unbound, as a migration does
set local row_security = off;
insert into dunning_run (id, tenant_id, as_of, dry_run, trigger, started_at, status, planned)
values (:'run', :'tenant', current_date, false, 'API', now(), 'RUNNING', true);
insert into reminder (id, tenant_id, run_id, customer_id, step_code, step_name, channel, template,
    language, policy_id, policy_version, as_of, currency, amount, interest, indemnity, recipient,
    subject, content, document, status, attempts, created_at)
select gen_random_uuid(), :'tenant', :'run', 'bench-send-' || i, 'FRIENDLY', 'Relance amiable', 'EMAIL',
       'friendly', 'fr', gen_random_uuid(), 1, current_date, 'EUR', 100 + i % 1000, 0, 0,
       'bench-send-' || i || '@bench.local', 'Relance : facture BS-' || i,
       repeat('<p>Madame, Monsieur, sauf erreur de notre part, la facture ci-dessous reste impayée.</p>', 35),
       ''::bytea, 'PENDING', 0, now()
  from generate_series(1, :n) as i;
insert into reminder_invoice (reminder_id, tenant_id, invoice_id, number, issue_date, due_date,
    days_late, total, outstanding, interest, indemnity)
select id, tenant_id, 'bench-inv-' || customer_id, 'BS-' || customer_id, current_date - 40,
       current_date - 10, 10, amount, amount, 0, 0
  from reminder where run_id = :'run';
insert into send_queue (reminder_id, tenant, run_id, due_at)
select id, tenant_id, run_id, now() from reminder where run_id = :'run';
commit;
