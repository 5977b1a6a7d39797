package io.parx.storage.status;

import java.time.Instant;
import java.util.Map;

/**
 * The answer of {@code GET /api/v1/storage/status}.
 *
 * @param pointsPerSecond rows written per second by backend since the previous status
 * read
 * @param pointsWritten rows written by backend since start
 * @param streamLag stream entries not yet delivered to the storage group
 * @param pendingCount entries delivered but not yet acknowledged
 * @param lastWriteLatencyMs time to commit the last batch to every backend
 * @param lastCommit when the last batch was committed
 * @param quarantineCount entries moved to the quarantine stream since start
 * @param failedWrites failed write attempts since start (each is retried)
 * @param lastError the last write error, {@code null} once a write succeeds again
 * @param rules enabled storage rules
 * @param capabilities what the time-series database offers
 * @param ingest whether this instance consumes the stream or stands by (issue 21)
 */
record StorageStatus(Map<String, Double> pointsPerSecond, Map<String, Long> pointsWritten, long streamLag,
		long pendingCount, double lastWriteLatencyMs, Instant lastCommit, long quarantineCount, long failedWrites,
		String lastError, int rules, Capabilities capabilities, Ingest ingest) {

	/**
	 * Who consumes the sample stream.
	 *
	 * @param instance this instance's name
	 * @param consuming whether it holds the ingest lease (otherwise it stands by)
	 * @param leaseHolder the instance holding the lease, {@code null} when none does
	 */
	record Ingest(String instance, boolean consuming, String leaseHolder) {

	}

	record Capabilities(boolean timescale, String version, String licence, boolean compression,
			boolean continuousAggregates, String description) {

	}

}
