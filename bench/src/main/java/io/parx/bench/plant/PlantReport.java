package io.parx.bench.plant;

import java.util.Locale;

import io.parx.bench.support.Bench;
import io.parx.bench.support.PrometheusText;

/**
 * The result of a plant ingest run: one human line ({@code RESULT}) and one
 * machine-readable line ({@code BENCH {json}}) with the window's rates, the loss check,
 * the collector's own counters at the stop, heap and CPU per process, and the load
 * average.
 */
final class PlantReport {

	private PlantReport() {
	}

	static void print(PlantIngestBench.Plan plan, int channels, Snapshot start, PlantIngestBench.Watched window,
			String load, String collectorPage, StreamAudit audit, LossCheck check, double drainSeconds, double copy) {
		Snapshot end = window.last();
		double seconds = end.seconds(start);
		double rate = end.committedPerSecond(start);
		double read = end.readPerSecond(start);
		double collectorCpu = Snapshot.cpuPercent(end.collectorCpu(), start.collectorCpu(), seconds);
		double storageCpu = Snapshot.cpuPercent(end.storageCpu(), start.storageCpu(), seconds);
		double benchCpu = Snapshot.cpuPercent(end.benchCpu(), start.benchCpu(), seconds);
		double databaseCpu = Snapshot.cpuPercent(end.databaseCpu(), start.databaseCpu(), seconds);
		double overruns = PrometheusText.sum(collectorPage, "parx_collector_poll_overruns_total");
		double bufferDropped = PrometheusText.sum(collectorPage, "parx_collector_buffer_dropped_total");
		// Upstream of the stream: what the collector read against what it handed to Redis
		// directly or still holds on disk (equal up to the batch in flight when scraped).
		double collectorRead = PrometheusText.sum(collectorPage, "parx_collector_samples_total");
		double collectorPublished = PrometheusText.sum(collectorPage, "parx_collector_published_samples_total");
		double bufferDepth = PrometheusText.sum(collectorPage, "parx_collector_buffer_depth");
		long lost = check.lost();
		System.out.printf("RESULT plant ingest: %,.0f points/s committed (%,.0f/s read) over %.0f s; raw binary COPY"
				+ " %,.0f rows/s (%.0f%%); lost %,d, duplicates %,d; CPU %% of one core: collector %.0f, storage"
				+ " %.0f, database %.0f, bench (devices, audit) %.0f; load %s%n", rate, read, seconds, copy,
				100 * rate / copy, lost, check.duplicates(), collectorCpu, storageCpu, databaseCpu, benchCpu, load);
		System.out.printf(Locale.ROOT, "BENCH {\"scenario\":\"plant-ingest\",\"devices\":%d,\"channels\":%d,"
				+ "\"pollMs\":%d,\"flushPoints\":%s,\"seconds\":%.1f,\"pointsPerSecond\":%.0f,"
				+ "\"readPointsPerSecond\":%.0f,\"copyPointsPerSecond\":%.0f,\"ratio\":%.2f,"
				+ "\"backlogEntriesStart\":%d,\"backlogEntriesEnd\":%d,\"streamSamples\":%d,\"rows\":%d,"
				+ "\"lost\":%d,\"extra\":%d,\"duplicates\":%d,\"outOfOrderInStream\":%d,\"rollupCount\":%d,"
				+ "\"badQualityRows\":%d,\"drainSeconds\":%.1f,\"pollOverruns\":%s,\"bufferDropped\":%s,"
				+ "\"collectorReadAtStop\":%s,\"collectorPublishedAtStop\":%s,\"bufferDepthAtStop\":%s,"
				+ "\"storageHeapMaxMiB\":%s,\"cpuPercent\":{\"collector\":%s,\"storageEngine\":%s,\"database\":%s,\"bench\":%s},"
				+ "\"loadAverage\":\"%s\"}%n", plan.devices(), channels, plan.poll().toMillis(),
				(plan.flushPoints() == null) ? "null" : plan.flushPoints(), seconds, rate, read, copy, rate / copy,
				start.storageGroup().lag() + start.storageGroup().pending(),
				end.storageGroup().lag() + end.storageGroup().pending(), audit.samples(), check.rows(), lost,
				check.extra(), check.duplicates(), audit.notAfterPrevious(), check.rollupCount(),
				check.badQualityRows(), drainSeconds, Bench.json(overruns), Bench.json(bufferDropped),
				Bench.json(collectorRead), Bench.json(collectorPublished), Bench.json(bufferDepth),
				Bench.json(window.storageHeapMax() / (1 << 20)), Bench.json(collectorCpu), Bench.json(storageCpu),
				Bench.json(databaseCpu), Bench.json(benchCpu), load);
	}

}
