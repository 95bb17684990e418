-- Personal data erasure (GDPR art. 17) and retention (invoicing.privacy): when a customer's name,
-- e-mail and phone were last erased, and why (REQUEST or RETENTION). The ledger itself is unchanged.
alter table customer add column personal_data_erased_at timestamptz;
alter table customer add column personal_data_erasure text;
