-- The invoice's ISO 11649 creditor reference (RF..), carried by InvoiceIssued since invoicing added it,
-- so that reminders quote what the bank statement matcher looks for. Null for invoices replicated before.
alter table dn_invoice add column payment_reference text;
