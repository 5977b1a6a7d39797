package io.parx.analytics.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.parx.analytics.channels.ChannelDirectory;
import io.parx.analytics.derived.FormulaRunner;
import io.parx.analytics.history.RollupReader;
import io.parx.analytics.history.SampleReader;
import io.parx.analytics.query.QueryRequest;
import io.parx.analytics.query.QueryService;
import io.parx.analytics.query.QueryServices;
import io.parx.analytics.system.AnalyticsSettings;
import io.parx.analytics.system.ConfigDb;
import io.parx.analytics.system.TimeseriesDb;
import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import io.parx.db.test.TimeseriesBackend;

/**
 * Query latency of the analytics engine's own code (not HTTP) on TimescaleDB, the issue 7
 * scenario: one year of 1 Hz data for 10 channels. Raw rows exist for the last
 * {@code rawDays} days of channel 1 (all that the raw queries read, with their 10 s
 * rollups); the year is present as rollups (what the 1-minute, 1-hour and downsampled
 * queries read), with sample counts of a full 1 Hz year so the engine takes the same
 * paths as on real data. Run (numbers go to docs/PERFORMANCE.md):
 *
 * <pre>
 * ./mvnw -q -o -pl analytics-engine -am test-compile dependency:build-classpath \
 *   -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp analytics-engine/target/test-classes:analytics-engine/target/classes:common/target/classes:db/target/classes:$(cat analytics-engine/target/cp.txt) \
 *   io.parx.analytics.bench.QueryLatencyScenario [rawDays=30] [runs=30] [warmup=15]
 * </pre>
 */
public final class QueryLatencyScenario {

	private static final Instant END = Instant.parse("2026-01-01T00:00:00Z");

	private static final Instant START = END.minusSeconds(365 * 86_400L);

	/** One JSON object per measured query, for the final BENCH line. */
	private static final List<String> SUMMARY = new ArrayList<>();

	/**
	 * Unmeasured runs of each query first: a service answers the same queries all day, so
	 * its numbers are those of compiled code, not of the interpreter.
	 */
	private static int warmup;

	private QueryLatencyScenario() {
	}

	public static void main(String[] args) {
		int rawDays = (args.length > 0) ? Integer.parseInt(args[0]) : 30;
		int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 30;
		warmup = (args.length > 2) ? Integer.parseInt(args[2]) : 15;
		TestDatabase ts = TestDatabases.createTimeseriesDb(TimeseriesBackend.TIMESCALE);
		TestDatabase cfg = TestDatabases.createConfigDb();
		// Pooled like production (a new connection per query would dominate the numbers).
		HikariDataSource tsSource = new HikariDataSource();
		tsSource.setJdbcUrl(ts.jdbcUrl());
		tsSource.setUsername(ts.username());
		tsSource.setPassword(ts.password());
		HikariDataSource cfgSource = new HikariDataSource();
		cfgSource.setJdbcUrl(cfg.jdbcUrl());
		cfgSource.setUsername(cfg.username());
		cfgSource.setPassword(cfg.password());
		JdbcTemplate jdbc = new JdbcTemplate(tsSource);
		ConfigDb config = ConfigDb.on(cfgSource);
		List<Long> ids = new ArrayList<>();
		for (int c = 1; c <= 10; c++) {
			ids.add(config.jdbc()
				.sql("insert into channel (name, data_type, protocol) values (?, 'FLOAT64', 'SIMULATOR') returning id")
				.param("ch" + c)
				.query(Long.class)
				.single());
		}
		long t0 = System.nanoTime();
		jdbc.update(
				"insert into samples (channel_id, time, value_num) select ?, t, 50 + 20 * sin(extract(epoch from t) / 3600) "
						+ "from generate_series(?::timestamptz, ?::timestamptz - interval '1 second', interval '1 second') t",
				ids.get(0), END.minusSeconds(rawDays * 86_400L).toString(), END.toString());
		String rollup = "insert into %s select c, b, %d, 50 * %d, 30, 70, b, 50, b + interval '%d seconds', 50, 50 * %d "
				+ "from unnest(?::bigint[]) c, generate_series(?::timestamptz, ?::timestamptz - interval '%s', interval '%s') b";
		jdbc.update(String.format(rollup, "rollup_10s", 10, 10, 9, 9, "10 seconds", "10 seconds"),
				ids.subList(0, 1).toArray(Long[]::new), END.minusSeconds(rawDays * 86_400L).toString(), END.toString());
		jdbc.update(String.format(rollup, "rollup_1m", 60, 60, 59, 59, "1 minute", "1 minute"),
				ids.subList(0, 1).toArray(Long[]::new), START.toString(), END.toString());
		jdbc.update(String.format(rollup, "rollup_10m", 600, 600, 599, 599, "10 minutes", "10 minutes"),
				ids.toArray(Long[]::new), START.toString(), END.toString());
		jdbc.update(String.format(rollup, "rollup_1h", 3600, 3600, 3599, 3599, "1 hour", "1 hour"),
				ids.toArray(Long[]::new), START.toString(), END.toString());
		jdbc.execute("analyze");
		System.out.printf("# generated %d raw rows, a year of rollups for 10 channels in %.1f s%n",
				jdbc.queryForObject("select count(*) from samples", Long.class), (System.nanoTime() - t0) / 1e9);

		TimeseriesDb db = new TimeseriesDb(jdbc, new TransactionTemplate(new DataSourceTransactionManager(tsSource)));
		AnalyticsSettings settings = AnalyticsSettings.defaults();
		SampleReader samples = new SampleReader(db);
		RollupReader rollups = new RollupReader(db);
		ChannelDirectory channels = new ChannelDirectory(config);
		QueryService queries = QueryServices.create(samples, rollups, channels, settings);
		long one = ids.get(0);
		measure("8 hours raw, 1 channel", runs, () -> queries.query(new QueryRequest(List.of(one), null,
				END.minusSeconds(8 * 3600), END, "raw", null, null, null, null, null)));
		measure("30 days at 1 minute, 1 channel", runs, () -> queries.query(new QueryRequest(List.of(one), null,
				END.minusSeconds(30 * 86_400L), END, "1m", List.of("avg", "min", "max"), null, null, null, null)));
		measure("1 year at 1 hour, 10 channels", runs, () -> queries.query(
				new QueryRequest(ids, null, START, END, "1h", List.of("avg", "min", "max"), null, null, null, null)));
		measure("1 year downsampled to 2,000 points (LTTB), 1 channel", runs, () -> queries
			.query(new QueryRequest(List.of(one), null, START, END, "raw", null, null, null, 2000, "lttb")));

		FormulaRunner runner = new FormulaRunner(samples, channels, settings);
		FormulaRunner.Resolved resolved = runner.resolve("if(ch1 > 60, avg(ch1, 60) * 1.8 + 32, rate(ch1))");
		Instant from = END.minusSeconds(86_400);
		double formulaP50 = measure("derived formula over 1 day at 1 s (86,400 points)", Math.max(3, runs / 5),
				() -> runner.run(resolved, from, END, 1_000_000L, 100_000));
		long formulaPointsPerSecond = Math.round(86_400 / formulaP50);
		System.out.printf("derived formula throughput (at p50)                     %,d points/s%n",
				formulaPointsPerSecond);
		tsSource.close();
		cfgSource.close();
		System.out.println("BENCH {\"scenario\":\"analytics-latency\",\"rawDays\":" + rawDays + ",\"runs\":" + runs
				+ ",\"formulaPointsPerSecond\":" + formulaPointsPerSecond + ",\"queries\":[" + String.join(",", SUMMARY)
				+ "]}");
	}

	/** Measures {@code runs} runs after the warm-up; returns the median in seconds. */
	private static double measure(String name, int runs, Supplier<Object> query) {
		for (int i = 0; i < warmup; i++) {
			query.get();
		}
		long[] nanos = new long[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			query.get();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		System.out.printf("%-55s p50 %8.1f ms   p95 %8.1f ms   (%d runs)%n", name, nanos[runs / 2] / 1e6,
				nanos[(int) Math.ceil(runs * 0.95) - 1] / 1e6, runs);
		SUMMARY.add(String.format(java.util.Locale.ROOT,
				"{\"query\":\"%s\",\"runs\":%d,\"p50Ms\":%.1f,\"p95Ms\":%.1f,\"p99Ms\":%.1f,\"maxMs\":%.1f}", name,
				runs, nanos[runs / 2] / 1e6, nanos[(int) Math.ceil(runs * 0.95) - 1] / 1e6,
				nanos[(int) Math.ceil(runs * 0.99) - 1] / 1e6, nanos[runs - 1] / 1e6));
		return nanos[runs / 2] / 1e9;
	}

}
