-- kpi_ledger_entry_tenant_date (tenant_id, entry_date) serves every query by tenant alone. The
-- single-column index cost every posting a second index write, and with statistics that lag a bulk
-- load it tempted the planner into intersecting the whole tenant's entries once per invoice.
drop index if exists kpi_ledger_entry_tenant;
