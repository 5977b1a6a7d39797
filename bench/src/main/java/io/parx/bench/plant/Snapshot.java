package io.parx.bench.plant;

import java.lang.management.ManagementFactory;

import io.lettuce.core.api.sync.RedisCommands;
import io.parx.bench.support.PrometheusText;
import io.parx.bench.support.ServerCpu;
import io.parx.bench.support.ServiceProcess;

/**
 * The plant's counters at one instant: rows the storage engine committed and samples the
 * collector read (their own Prometheus counters, so measuring costs the database
 * nothing), what the stream audit saw, the storage group's backlog, and the CPU time of
 * every process involved, and the storage engine's heap in use (its batches must stay
 * bounded). Two snapshots give the rates of a window.
 */
record Snapshot(long nanos, double committed, double read, long streamed, StreamGroups storageGroup,
		double collectorCpu, double storageCpu, double benchCpu, double databaseCpu, double storageHeap) {

	static Snapshot take(ServiceProcess collector, ServiceProcess storage, String token, StreamAudit audit,
			RedisCommands<byte[], byte[]> redis, byte[] stream, ServerCpu database) throws InterruptedException {
		String storagePage = storage.get("/actuator/prometheus", token);
		String collectorPage = collector.get("/actuator/prometheus", token);
		return new Snapshot(System.nanoTime(), PrometheusText.sum(storagePage, "parx_storage_points_written_total"),
				PrometheusText.sum(collectorPage, "parx_collector_samples_total"), audit.samples(),
				StreamGroups.of(redis, stream, "storage"), collector.cpuSeconds(), storage.cpuSeconds(),
				jvmCpuSeconds(), database.seconds(),
				PrometheusText.sum(storagePage, "jvm_memory_used_bytes", "area=\"heap\""));
	}

	double seconds(Snapshot earlier) {
		return (this.nanos - earlier.nanos) / 1e9;
	}

	double committedPerSecond(Snapshot earlier) {
		return (this.committed - earlier.committed) / seconds(earlier);
	}

	double readPerSecond(Snapshot earlier) {
		return (this.read - earlier.read) / seconds(earlier);
	}

	/** Percent of one core. */
	static double cpuPercent(double later, double earlier, double seconds) {
		return 100 * (later - earlier) / seconds;
	}

	private static double jvmCpuSeconds() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e9;
	}

}
