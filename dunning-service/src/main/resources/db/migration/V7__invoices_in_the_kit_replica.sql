-- Dunning's invoices move into the kit's invoice replica (kit.replica.InvoiceReplica, table
-- invoice_replica, created by the opt-in location db/invoice-replica before this runs), the one
-- copy of invoicing's invoices written by one path. Dunning keeps only its own column beside it,
-- keyed the same way: the payment reference a letter prints. Step claims stay in step_claim and
-- dated movements in dn_invoice_movement, both keyed by (tenant_id, invoice_id) already.
-- Rows of every tenant move, so this runs as the unbound pool user: the kit's afterMigrate
-- callback forces the tenant policies again afterwards.
alter table dn_invoice no force row level security;
alter table invoice_replica no force row level security;

create table dunning_invoice (
    tenant_id         text not null,
    invoice_id        text not null,
    payment_reference text not null, -- ISO 11649 creditor reference from InvoiceIssued
    primary key (tenant_id, invoice_id)
);

insert into invoice_replica (tenant_id, invoice_id, customer_id, number, currency, issue_date,
                             due_date, total_incl_tax, outstanding, status, disputed, updated_at)
select tenant_id, invoice_id, customer_id, number, currency, issue_date, due_date, total_incl_tax,
       outstanding, status, disputed, updated_at
  from dn_invoice
on conflict do nothing;

insert into dunning_invoice (tenant_id, invoice_id, payment_reference)
select tenant_id, invoice_id, payment_reference
  from dn_invoice
 where payment_reference is not null
on conflict do nothing;

-- Nothing reads or writes the old copy any more; dropping it makes a stale writer fail loudly.
drop table dn_invoice;
