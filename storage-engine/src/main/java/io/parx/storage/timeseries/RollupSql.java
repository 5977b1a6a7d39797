package io.parx.storage.timeseries;

/**
 * The SQL that inserts raw rows and keeps every rollup level ({@link RollupLevel})
 * current in the same statement (docs/ARCHITECTURE.md, "Storage engine"). Only rows the
 * insert really added ({@code returning}) reach the rollups, so a redelivered batch
 * changes nothing.
 */
final class RollupSql {

	private static final String ORIGIN = "timestamptz '2000-01-01 00:00:00+00'";

	private RollupSql() {
	}

	/**
	 * Inserts from {@code source} (a relation with the sample columns) and merges the
	 * inserted numeric rows into every rollup table. Returns one row: the inserted count.
	 */
	static String insertAndRollUp(String source) {
		StringBuilder sql = new StringBuilder("""
				with ins as (
				    insert into samples (channel_id, time, value_num, value_bool, value_text, quality)
				    select channel_id, time, value_num, value_bool, value_text, quality from %s
				    on conflict (channel_id, time) do nothing
				    returning channel_id, time, value_num
				), num as (
				    select channel_id, time, value_num from ins where value_num is not null
				)""".formatted(source));
		for (RollupLevel level : RollupLevel.values()) {
			String rows = "rows_" + level.ordinal();
			sql.append(
					"""
							, %1$s as (
							    select channel_id, date_bin('%2$s', time, %3$s) as bucket, time, value_num,
							        lead(time) over (partition by channel_id, date_bin('%2$s', time, %3$s) order by time) as next_time
							    from num
							), up_%4$d as (
							    %5$s
							)"""
						.formatted(rows, level.width, ORIGIN, level.ordinal(), merge(level.table, aggregate(rows))));
		}
		sql.append("\nselect (select count(*) from ins)");
		for (RollupLevel level : RollupLevel.values()) {
			sql.append(", (select count(*) from up_").append(level.ordinal()).append(")");
		}
		return sql.append('\n').toString();
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
