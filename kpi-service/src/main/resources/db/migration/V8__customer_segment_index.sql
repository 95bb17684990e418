-- The segments of a tenant (GET /api/v1/kpis/segments) are listed from this index, skipping from one
-- segment to the next, instead of reading every customer of the tenant per request; the summaries
-- of all segments then read the per-segment aggregates grouped by segment (summary.SegmentSummaries).
create index kpi_customer_segment on kpi_customer (tenant_id, segment) where segment is not null;
