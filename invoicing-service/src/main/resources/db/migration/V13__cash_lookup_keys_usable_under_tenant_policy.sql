-- The matcher's look-ups (cash.SqlBook) compared expressions over invoice columns: the number
-- reduced to its letters and digits or to its digits (V7's expression indexes) and the outstanding
-- amount. Under the forced tenant policy PostgreSQL uses an index only for conditions whose
-- functions are all leakproof (they run before the policy's check), and regexp_replace and numeric
-- arithmetic are not: every look-up read the tenant's whole book, seconds per query at a million
-- invoices, which made a statement's chunk outlive its transaction (bench/run cash: 503). The keys
-- become stored columns compared with = and an integer range, which are leakproof.
alter table invoice
    add column number_key text
        generated always as (upper(regexp_replace(number, '[^A-Za-z0-9]', '', 'g'))) stored,
    add column number_digits text
        generated always as (regexp_replace(number, '[^0-9]', '', 'g')) stored,
    -- in ten-thousandths (the scale of the amounts); bounded so that no amount fails the cast,
    -- SqlBook still compares the exact amount
    add column outstanding_units bigint
        generated always as ((greatest(-900000000000000::numeric, least(900000000000000::numeric,
            total_incl_tax - amount_paid - discount_granted - amount_credited)) * 10000)::bigint) stored;

drop index invoice_number_key;
drop index invoice_number_digits;
drop index invoice_open_outstanding;
create index invoice_number_key on invoice (tenant_id, number_key);
create index invoice_number_digits on invoice (tenant_id, number_digits);
create index invoice_open_outstanding on invoice (tenant_id, currency, outstanding_units)
    where status in ('OPEN', 'PARTIALLY_PAID');
