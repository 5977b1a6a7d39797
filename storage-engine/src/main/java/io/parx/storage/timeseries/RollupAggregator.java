package io.parx.storage.timeseries;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;

/**
 * Computes the rollup rows of a batch in Java, for the fast path where every row of the
 * batch was new (a plain COPY succeeded): the same aggregates the SQL of
 * {@link RollupSql} computes from {@code returning}, without a window function over the
 * batch in the database.
 */
final class RollupAggregator {

	private RollupAggregator() {
	}

	/** Samples sorted by channel, then time, without duplicates. */
	static List<Bucket> aggregate(List<Sample> sorted, long width) {
		List<Bucket> buckets = new ArrayList<>();
		Bucket current = null;
		for (Sample sample : sorted) {
			if (!(sample.value() instanceof SampleValue.Numeric(double value))) {
				continue;
			}
			long bucket = Math.floorDiv(sample.timeMicros(), width) * width;
			if (current == null || current.channelId != sample.channelId() || current.bucket != bucket) {
				current = new Bucket(sample.channelId(), bucket, sample.timeMicros(), value);
				buckets.add(current);
			}
			else {
				current.add(sample.timeMicros(), value);
			}
		}
		return buckets;
	}

	/** Merges the buckets into a rollup table (same merge rules as the SQL path). */
	static void upsert(Connection connection, String table, List<Bucket> buckets) throws SQLException {
		if (buckets.isEmpty()) {
			return;
		}
		int n = buckets.size();
		Long[] channels = new Long[n];
		Long[] starts = new Long[n];
		Long[] counts = new Long[n];
		Double[] sums = new Double[n];
		Double[] mins = new Double[n];
		Double[] maxs = new Double[n];
		Long[] firstTimes = new Long[n];
		Double[] firstValues = new Double[n];
		Long[] lastTimes = new Long[n];
		Double[] lastValues = new Double[n];
		Double[] integrals = new Double[n];
		for (int i = 0; i < n; i++) {
			Bucket b = buckets.get(i);
			channels[i] = b.channelId;
			starts[i] = b.bucket;
			counts[i] = b.count;
			sums[i] = b.sum;
			mins[i] = b.min;
			maxs[i] = b.max;
			firstTimes[i] = b.firstTime;
			firstValues[i] = b.firstValue;
			lastTimes[i] = b.lastTime;
			lastValues[i] = b.lastValue;
			integrals[i] = b.integral;
		}
		try (PreparedStatement statement = connection.prepareStatement(RollupSql.mergeArrays(table))) {
			Array[] arrays = { connection.createArrayOf("int8", channels), connection.createArrayOf("int8", starts),
					connection.createArrayOf("int8", counts), connection.createArrayOf("float8", sums),
					connection.createArrayOf("float8", mins), connection.createArrayOf("float8", maxs),
					connection.createArrayOf("int8", firstTimes), connection.createArrayOf("float8", firstValues),
					connection.createArrayOf("int8", lastTimes), connection.createArrayOf("float8", lastValues),
					connection.createArrayOf("float8", integrals) };
			for (int i = 0; i < arrays.length; i++) {
				statement.setArray(i + 1, arrays[i]);
			}
			statement.execute();
		}
	}

	static final class Bucket {

		final long channelId;

		final long bucket;

		long count;

		double sum;

		double min;

		double max;

		final long firstTime;

		final double firstValue;

		long lastTime;

		double lastValue;

		double integral;

		Bucket(long channelId, long bucket, long time, double value) {
			this.channelId = channelId;
			this.bucket = bucket;
			this.count = 1;
			this.sum = value;
			this.min = value;
			this.max = value;
			this.firstTime = time;
			this.firstValue = value;
			this.lastTime = time;
			this.lastValue = value;
		}

		void add(long time, double value) {
			// Step interpolation: the previous value held from its time until this one.
			this.integral += this.lastValue * ((time - this.lastTime) / 1e6);
			this.count++;
			this.sum += value;
			this.min = Math.min(this.min, value);
			this.max = Math.max(this.max, value);
			this.lastTime = time;
			this.lastValue = value;
		}

	}

}
