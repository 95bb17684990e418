-- The limit of `bench/run cash`: one SQL pass over the imported entries of one run (:series, the
-- entry references' prefix) that
-- joins the references their texts quote to the open invoices of the tenant (:tenant): the RF
-- references to invoice.payment_reference, the invoice numbers (letters and digits only) to V13's
-- number_key (indexed). It decides and writes nothing: a lower bound for the import's matching.
with entry as (
    select e.id, upper(coalesce(e.remittance, '')) as text
    from bank_entry e
    where e.tenant_id = :'tenant' and e.credit and e.entry_reference like :'series' || '-E%'
), token as (
    select e.id, m[1] as ref, null as number_key
    from entry e, regexp_matches(regexp_replace(e.text, '\s', '', 'g'), '(RF[0-9]{2}[A-Z0-9]{16})', 'g') m
    union all
    select e.id, null, regexp_replace(m[1], '[^A-Z0-9]', '', 'g')
    from entry e, regexp_matches(e.text, '([A-Z]{3}[^A-Z0-9]?[0-9]{4}[^A-Z0-9]?[0-9]{7})', 'g') m
), hit as (
    -- invoices of any status: the pass runs after the import, which has paid most of them
    select t.id, i.id as invoice_id
    from token t join invoice i on i.tenant_id = :'tenant' and i.payment_reference = t.ref
    union all
    select t.id, i.id
    from token t join invoice i on i.tenant_id = :'tenant'
        and i.number_key = t.number_key
)
select (select count(*) from entry) as entries, count(distinct id) as entries_with_a_hit, count(*) as hits
from hit;
