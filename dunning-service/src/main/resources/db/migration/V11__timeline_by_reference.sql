-- The note "sent without the invoice's PDF" is written once per reminder: finding whether it exists
-- read every timeline entry of the tenant (the only index led by the customer), once per reminder.
create index timeline_by_reference on timeline_entry (tenant_id, kind, ref_id) where ref_id is not null;
