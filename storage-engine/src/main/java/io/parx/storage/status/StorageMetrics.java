package io.parx.storage.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The storage engine's counters, shared by the ingest loop (writer) and the status
 * endpoint and Micrometer (readers). Rates are computed from the counters over the window
 * between two status reads.
 */
@Component
public class StorageMetrics {

	private final MeterRegistry registry;

	private final Map<String, Counter> points = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> pointTotals = new ConcurrentHashMap<>();

	private final Counter quarantined;

	private final Timer writeLatency;

	private final AtomicLong lag = new AtomicLong();

	private final AtomicLong pending = new AtomicLong();

	private final AtomicLong lastWriteLatencyMicros = new AtomicLong();

	/** Redis time (ms) of the newest acknowledged stream entry; 0 before the first. */
	private final AtomicLong newestAcknowledgedMillis = new AtomicLong();

	private final AtomicLong quarantineCount = new AtomicLong();

	private final AtomicLong failedWrites = new AtomicLong();

	private final AtomicReference<String> lastError = new AtomicReference<>();

	private final AtomicReference<Instant> lastCommit = new AtomicReference<>();

	public StorageMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.quarantined = Counter.builder("parx.storage.quarantined")
			.description("Stream entries moved to the quarantine stream")
			.register(registry);
		this.writeLatency = Timer.builder("parx.storage.write.latency")
			.description("Time to commit one batch to every backend")
			.register(registry);
		Gauge.builder("parx.storage.stream.lag", this.lag, AtomicLong::get)
			.description("Stream entries not yet delivered to the storage group")
			.register(registry);
		Gauge.builder("parx.storage.stream.pending", this.pending, AtomicLong::get)
			.description("Stream entries delivered but not yet acknowledged")
			.register(registry);
		Gauge.builder("parx.storage.ingest.lag", this, StorageMetrics::ingestLagSeconds)
			.baseUnit("seconds")
			.description("How far the stored data is behind the stream: age of the newest acknowledged entry "
					+ "while entries wait, 0 when caught up")
			.register(registry);
	}

	public void written(String backend, int count) {
		this.points
			.computeIfAbsent(backend,
					(b) -> Counter.builder("parx.storage.points.written")
						.description("Sample rows written")
						.tag("backend", b)
						.register(this.registry))
			.increment(count);
		this.pointTotals.computeIfAbsent(backend, (b) -> new AtomicLong()).addAndGet(count);
	}

	public void committed(Duration latency) {
		this.writeLatency.record(latency);
		this.lastWriteLatencyMicros.set(latency.toNanos() / 1000);
		this.lastCommit.set(Instant.now());
		this.lastError.set(null);
	}

	public void writeFailed(String error) {
		this.failedWrites.incrementAndGet();
		this.lastError.set(error);
	}

	public void quarantined() {
		this.quarantined.increment();
		this.quarantineCount.incrementAndGet();
	}

	/**
	 * Records acknowledged stream entries.
	 * @param ids their ids, {@code <milliseconds>-<sequence>} as Redis assigns them
	 */
	public void acknowledged(String... ids) {
		for (String id : ids) {
			int dash = id.indexOf('-');
			long millis = Long.parseLong((dash < 0) ? id : id.substring(0, dash));
			this.newestAcknowledgedMillis.accumulateAndGet(millis, Math::max);
		}
	}

	/**
	 * The ingest lag: grows while entries wait and nothing is acknowledged (a database
	 * outage), stays near the flush interval in steady flow. An entry count alone says
	 * nothing about time; this is the number an operator compares with "how old may the
	 * newest stored value be".
	 */
	double ingestLagSeconds() {
		long newest = this.newestAcknowledgedMillis.get();
		if (newest == 0 || this.lag.get() + this.pending.get() == 0) {
			return 0;
		}
		return Math.max(0, System.currentTimeMillis() - newest) / 1000.0;
	}

	public void stream(long lag, long pending) {
		this.lag.set(lag);
		this.pending.set(pending);
	}

	Map<String, Long> pointTotals() {
		Map<String, Long> totals = new java.util.TreeMap<>();
		this.pointTotals.forEach((backend, total) -> totals.put(backend, total.get()));
		return totals;
	}

	long lag() {
		return this.lag.get();
	}

	long pending() {
		return this.pending.get();
	}

	long lastWriteLatencyMicros() {
		return this.lastWriteLatencyMicros.get();
	}

	public long quarantineCount() {
		return this.quarantineCount.get();
	}

	long failedWrites() {
		return this.failedWrites.get();
	}

	String lastError() {
		return this.lastError.get();
	}

	Instant lastCommit() {
		return this.lastCommit.get();
	}

}
