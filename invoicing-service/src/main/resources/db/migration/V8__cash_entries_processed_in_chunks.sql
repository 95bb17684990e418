-- A statement's entries are recorded first and matched afterwards in short transactions of a few
-- dozen entries each (cash.StatementImport), so that a statement of thousands of entries never
-- outlives a transaction. An entry recorded but not yet matched is not processed; importing the
-- statement again resumes it. Entries that exist already were processed in the same transaction.
alter table bank_entry add column processed boolean not null default true;

create index bank_entry_unprocessed on bank_entry (tenant_id, id) where not processed;
