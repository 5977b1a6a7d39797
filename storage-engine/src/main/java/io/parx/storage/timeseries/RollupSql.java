package io.parx.storage.timeseries;

/**
 * The SQL that inserts raw rows and keeps the 1-minute and 1-hour rollups current in the
 * same statement (docs/ARCHITECTURE.md, "Storage engine"). Only rows the insert really
 * added ({@code returning}) reach the rollups, so a redelivered batch changes nothing.
 */
final class RollupSql {

	private static final String ORIGIN = "timestamptz '2000-01-01 00:00:00+00'";

	private RollupSql() {
	}

	/**
	 * Inserts from {@code source} (a relation with the sample columns) and merges the
	 * inserted numeric rows into both rollup tables. Returns one row: the inserted count.
	 */
	static String insertAndRollUp(String source) {
		return """
				with ins as (
				    insert into samples (channel_id, time, value_num, value_bool, value_text, quality)
				    select channel_id, time, value_num, value_bool, value_text, quality from %s
				    on conflict (channel_id, time) do nothing
				    returning channel_id, time, value_num
				), num as (
				    select channel_id, time, value_num,
				        date_bin('1 minute', time, %s) as m, date_bin('1 hour', time, %s) as h
				    from ins where value_num is not null
				), m_rows as (
				    select channel_id, m as bucket, time, value_num,
				        lead(time) over (partition by channel_id, m order by time) as next_time
				    from num
				), h_rows as (
				    select channel_id, h as bucket, time, value_num,
				        lead(time) over (partition by channel_id, h order by time) as next_time
				    from num
				), m_up as (
				    %s
				), h_up as (
				    %s
				)
				select (select count(*) from ins), (select count(*) from m_up), (select count(*) from h_up)
				""".formatted(source, ORIGIN, ORIGIN, merge("rollup_1m", aggregate("m_rows")),
				merge("rollup_1h", aggregate("h_rows")));
	}

	private static String aggregate(String rows) {
		return """
				select channel_id, bucket, count(*), sum(value_num), min(value_num), max(value_num),
				        min(time), (array_agg(value_num order by time))[1],
				        max(time), (array_agg(value_num order by time desc))[1],
				        coalesce(sum(value_num * extract(epoch from next_time - time)::float8), 0)
				    from %s group by channel_id, bucket""".formatted(rows);
	}

	/**
	 * Merges pre-aggregated buckets given as eleven array parameters (times in
	 * microseconds since the epoch), see {@link RollupAggregator}.
	 */
	static String mergeArrays(String table) {
		return merge(table, """
				select c, timestamptz 'epoch' + b * interval '1 microsecond', n, s, mn, mx,
				        timestamptz 'epoch' + ft * interval '1 microsecond', fv,
				        timestamptz 'epoch' + lt * interval '1 microsecond', lv, i
				    from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::float8[], ?::float8[], ?::float8[],
				        ?::bigint[], ?::float8[], ?::bigint[], ?::float8[], ?::float8[])
				        as u(c, b, n, s, mn, mx, ft, fv, lt, lv, i)""");
	}

	private static String merge(String table, String source) {
		return """
				insert into %s as r (channel_id, bucket, sample_count, value_sum, value_min, value_max,
				        first_time, first_value, last_time, last_value, twa_integral)
				    %s
				    on conflict (channel_id, bucket) do update set
				        sample_count = r.sample_count + excluded.sample_count,
				        value_sum = r.value_sum + excluded.value_sum,
				        value_min = least(r.value_min, excluded.value_min),
				        value_max = greatest(r.value_max, excluded.value_max),
				        first_time = least(r.first_time, excluded.first_time),
				        first_value = case when excluded.first_time < r.first_time
				            then excluded.first_value else r.first_value end,
				        last_time = greatest(r.last_time, excluded.last_time),
				        last_value = case when excluded.last_time > r.last_time
				            then excluded.last_value else r.last_value end,
				        twa_integral = case
				            when excluded.first_time > r.last_time then r.twa_integral
				                + r.last_value * extract(epoch from excluded.first_time - r.last_time)::float8
				                + excluded.twa_integral
				            when excluded.last_time < r.first_time then excluded.twa_integral
				                + excluded.last_value * extract(epoch from r.first_time - excluded.last_time)::float8
				                + r.twa_integral
				            else null end
				    returning 1""".formatted(table, source);
	}

	/**
	 * Recomputes the integral of buckets a late sample made stale, from raw rows.
	 */
	static String recomputeStale(String table, String width) {
		return """
				update %1$s r set twa_integral = c.integral
				from (
				    select channel_id, bucket, coalesce(sum(value_num * extract(epoch from next_time - time)::float8), 0) as integral
				    from (
				        select st.channel_id, st.bucket, s.time, s.value_num,
				            lead(s.time) over (partition by st.channel_id, st.bucket order by s.time) as next_time
				        from %1$s st
				        join samples s on s.channel_id = st.channel_id
				            and s.time >= st.bucket and s.time < st.bucket + interval '%2$s'
				        where st.twa_integral is null and s.value_num is not null
				    ) x
				    group by channel_id, bucket
				) c
				where r.channel_id = c.channel_id and r.bucket = c.bucket"""
			.formatted(table, width);
	}

}
