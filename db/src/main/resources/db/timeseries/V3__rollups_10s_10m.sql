-- ParX time-series database, version 3 (storage engine): two more rollup levels, 10 seconds and 10 minutes, so that
-- a chart of any width reads a level whose buckets are no wider than a pixel and at most 6-10 rows per pixel
-- (adjacent levels 1 s raw, 10 s, 1 min, 10 min, 1 h differ by a factor 6 or 10; before, a view just too short for
-- hourly rows read up to 60 minute rows per pixel, issue 15). Same columns, merge rules and maintenance as V2: the
-- storage engine updates every level in the transaction that inserts the raw rows.
create table rollup_10s (like rollup_1m including all);
create table rollup_10m (like rollup_1m including all);

create index rollup_10s_stale_idx on rollup_10s (channel_id, bucket) where twa_integral is null;
create index rollup_10m_stale_idx on rollup_10m (channel_id, bucket) where twa_integral is null;

-- Backfill. 10 minutes from the minute rollups (kept for ever, unlike raw rows under retention): counts and sums
-- add up, the integral adds each minute's own integral plus the step between consecutive minutes
-- (last_value_k x (first_time_k+1 - last_time_k)); a stale minute (null integral) makes its 10 minutes stale too,
-- and the storage engine recomputes it from raw rows with the next batch it writes.
insert into rollup_10m (channel_id, bucket, sample_count, value_sum, value_min, value_max, first_time, first_value,
        last_time, last_value, twa_integral)
select channel_id, b, sum(sample_count), sum(value_sum), min(value_min), max(value_max),
    min(first_time), (array_agg(first_value order by first_time))[1],
    max(last_time), (array_agg(last_value order by last_time desc))[1],
    case when bool_and(twa_integral is not null) then
        sum(twa_integral) + coalesce(sum(last_value * extract(epoch from next_first - last_time)::float8), 0)
    end
from (
    select r.*, date_bin('10 minutes', bucket, timestamptz '2000-01-01 00:00:00+00') as b,
        lead(first_time) over (partition by channel_id, date_bin('10 minutes', bucket,
            timestamptz '2000-01-01 00:00:00+00') order by bucket) as next_first
    from rollup_1m r
) m
group by channel_id, b;

-- 10 seconds from the raw rows that are still there (the V2 definition).
insert into rollup_10s (channel_id, bucket, sample_count, value_sum, value_min, value_max, first_time, first_value,
        last_time, last_value, twa_integral)
select channel_id, b, count(*), sum(value_num), min(value_num), max(value_num),
    min(time), (array_agg(value_num order by time))[1],
    max(time), (array_agg(value_num order by time desc))[1],
    coalesce(sum(value_num * extract(epoch from next_time - time)::float8), 0)
from (
    select channel_id, time, value_num, date_bin('10 seconds', time, timestamptz '2000-01-01 00:00:00+00') as b,
        lead(time) over (partition by channel_id, date_bin('10 seconds', time, timestamptz '2000-01-01 00:00:00+00')
            order by time) as next_time
    from samples where value_num is not null
) s
group by channel_id, b;
