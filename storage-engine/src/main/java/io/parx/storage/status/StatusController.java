package io.parx.storage.status;

import java.util.Map;
import java.util.TreeMap;

import io.parx.db.TimeseriesCapabilities;
import io.parx.storage.failover.IngestLease;
import io.parx.storage.rules.RuleCatalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the storage engine is doing (issue 5, "Status and metrics"). */
@RestController
@Tag(name = "Storage engine")
@RequestMapping("/api/v1/storage")
class StatusController {

	private final StorageMetrics metrics;

	private final RuleCatalog catalog;

	private final TimeseriesCapabilities capabilities;

	private Map<String, Long> previousTotals = Map.of();

	private long previousNanos = System.nanoTime();

	private final IngestLease lease;

	StatusController(StorageMetrics metrics, RuleCatalog catalog, TimeseriesCapabilities capabilities,
			IngestLease lease) {
		this.metrics = metrics;
		this.lease = lease;
		this.catalog = catalog;
		this.capabilities = capabilities;
	}

	@Operation(operationId = "getStorageStatus",
			summary = "Write rates and totals per backend, lag, pending and failed writes, the time-series database")
	@GetMapping("/status")
	StorageStatus status() {
		Map<String, Long> totals = this.metrics.pointTotals();
		Map<String, Double> rates = rates(totals);
		TimeseriesCapabilities caps = this.capabilities;
		return new StorageStatus(rates, totals, this.metrics.lag(), this.metrics.pending(),
				this.metrics.lastWriteLatencyMicros() / 1000.0, this.metrics.lastCommit(),
				this.metrics.quarantineCount(), this.metrics.failedWrites(), this.metrics.lastError(),
				this.catalog.get().rules().size(),
				new StorageStatus.Capabilities(caps.timescaleInstalled(), caps.version(), caps.licence(),
						caps.supportsCompression(), caps.supportsContinuousAggregates(), caps.describe()),
				new StorageStatus.Ingest(this.lease.instance(), this.lease.isValid(), this.lease.holder()));
	}

	private synchronized Map<String, Double> rates(Map<String, Long> totals) {
		long now = System.nanoTime();
		double seconds = Math.max(1e-3, (now - this.previousNanos) / 1e9);
		Map<String, Double> rates = new TreeMap<>();
		totals.forEach((backend, total) -> rates.put(backend,
				Math.round((total - this.previousTotals.getOrDefault(backend, 0L)) / seconds * 10) / 10.0));
		this.previousTotals = totals;
		this.previousNanos = now;
		return rates;
	}

}
