-- Rate-limit buckets shared by every gateway replica (limits.SharedBuckets). A replica leases a few
-- tokens at a time with one atomic upsert and spends them locally, so the database sees one
-- statement per lease, not one per request. Times come from the database clock: replicas whose
-- clocks disagree still refill the same bucket at the same rate.
create table rate_limit_bucket (
    bucket_key  text             primary key,
    tokens      double precision not null,
    refilled_at timestamptz      not null,
    last_grant  integer          not null
);
