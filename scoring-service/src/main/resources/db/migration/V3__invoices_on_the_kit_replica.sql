-- Scoring's invoice copy moves onto the kit's invoice_replica (kit.replica.InvoiceReplica; the table
-- is created by the db/invoice-replica callback, which runs before this). What only scoring needs
-- stays in its own tables: the cancellation date in sc_invoice_cancellation, settlements and
-- disputes where they were. The rows of every tenant move, so the policies are lifted for this
-- migration; the kit's afterMigrate callback forces them again.
alter table sc_invoice no force row level security;
alter table sc_dispute no force row level security;
alter table invoice_replica no force row level security;

insert into invoice_replica (tenant_id, invoice_id, customer_id, number, currency, issue_date, due_date,
                             total_incl_tax, outstanding, status, disputed, updated_at)
select i.tenant_id, i.invoice_id, i.customer_id, coalesce(i.number, i.invoice_id), i.currency, i.issue_date,
       i.due_date, i.total, i.outstanding, i.status,
       exists (select 1 from sc_dispute d
               where d.tenant_id = i.tenant_id and d.invoice_id = i.invoice_id and d.resolved_on is null),
       now()
from sc_invoice i
on conflict do nothing;

create table sc_invoice_cancellation (
    tenant_id    text not null,
    invoice_id   text not null,
    cancelled_on date not null,
    primary key (tenant_id, invoice_id)
);

insert into sc_invoice_cancellation (tenant_id, invoice_id, cancelled_on)
select tenant_id, invoice_id, cancelled_on from sc_invoice where cancelled_on is not null;

drop table sc_invoice;

-- The nightly pass rescores a customer only from the day its score may have aged (rescore_on,
-- score.ScoreAging), or when the model's settings changed (model: their digest).
alter table sc_score add column rescore_on date;
alter table sc_score add column model text;
