-- VAT categories on output (docs/e-invoicing.md, VAT categories): each invoice line carries its
-- EN 16931 category (BT-151) and, for the exempt ones, the exemption reason (BT-120); the invoice
-- may carry the buyer's VAT identifier (BT-48) that reverse charge and intra-EU supplies print.
-- Existing lines get the category their rate always meant: S above 0 %, Z at 0 %.
alter table invoice_line add column vat_category text;
alter table invoice_line add column vat_exemption_reason text;
update invoice_line set vat_category = case when vat_rate > 0 then 'S' else 'Z' end;
alter table invoice_line alter column vat_category set not null;
alter table invoice add column buyer_vat_id text;
