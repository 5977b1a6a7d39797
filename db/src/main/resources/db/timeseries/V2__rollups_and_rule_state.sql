-- ParX time-series database, version 2 (storage engine): rollups and storage-rule state.
-- Design: docs/ARCHITECTURE.md, "Storage engine". Works the same on TimescaleDB (any licence) and plain PostgreSQL:
-- continuous aggregates need the Timescale licence, so the storage engine maintains these tables itself, in the
-- transaction that inserts the raw rows, from exactly the rows that insert really added (`returning`), so a
-- redelivered batch adds nothing twice and late data lands in the bucket it belongs to.

-- Per channel and bucket, over the numeric values (value_num not null) of that bucket:
--   sample_count, value_sum, value_min, value_max: merge by adding / least / greatest;
--   first_time/first_value, last_time/last_value: the earliest and latest sample of the bucket;
--   twa_integral: the integral of the step function (each value holds until the next sample) from first_time to
--     last_time, in value x seconds. A time-weighted average over consecutive buckets 1..n is
--     (sum(twa_integral) + sum over gaps(last_value_k x (first_time_k+1 - last_time_k))) / (last_time_n - first_time_1).
--     Appending after last_time or prepending before first_time extends it exactly; a late sample that lands between
--     two existing samples sets it to null and the same transaction recomputes that bucket from raw rows.
create table rollup_1m (
    channel_id   bigint           not null,
    bucket       timestamptz      not null,
    sample_count bigint           not null,
    value_sum    double precision not null,
    value_min    double precision not null,
    value_max    double precision not null,
    first_time   timestamptz      not null,
    first_value  double precision not null,
    last_time    timestamptz      not null,
    last_value   double precision not null,
    twa_integral double precision,
    primary key (channel_id, bucket)
);

create table rollup_1h (like rollup_1m including all);

-- Buckets whose integral awaits recomputation (rare: only after a late sample between two existing ones).
create index rollup_1m_stale_idx on rollup_1m (channel_id, bucket) where twa_integral is null;
create index rollup_1h_stale_idx on rollup_1h (channel_id, bucket) where twa_integral is null;

-- State of the rule engine, written in the same transaction as the rows it caused, so a restart resumes exactly
-- where the last committed batch left off. kind: 0 a rule's channel (last stored / held sample), 1 a rule's
-- condition, 2 the current value of a channel (rule_id 0), 3 a batch definition's trigger channel (rule_id =
-- definition id), 4 whether that definition has an open batch.
-- Samples are kept in the sample codec's binary form (io.parx.common.sample.SampleBatchCodec, one sample).
create table storage_rule_state (
    rule_id      bigint  not null,
    channel_id   bigint  not null,
    kind         smallint not null default 0,
    last_seen_us bigint  not null,
    last_sample  bytea,
    held_sample  bytea,
    condition    boolean,
    primary key (rule_id, channel_id, kind)
);

