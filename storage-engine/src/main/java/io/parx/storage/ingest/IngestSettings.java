package io.parx.storage.ingest;

import java.time.Duration;

import io.parx.storage.timeseries.InsertMethod;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the storage engine consumes the sample stream.
 *
 * @param consumerName this instance's consumer name in the group; must be stable across
 * restarts of the same instance so it drains its own pending entries first (default: the
 * host name)
 * @param readCount stream entries fetched per XREADGROUP
 * @param block how long one XREADGROUP waits for new entries
 * @param flushPoints write once this many samples are buffered; also the bound on the
 * samples held in memory (plus one stream entry). Each commit upserts one row per channel
 * and minute or hour into each rollup table, so a batch must hold many samples per
 * channel: 200,000 is 20 per channel for a 10,000-channel plant, which sustained 100,000
 * points per second where 50,000 fell behind (bench
 * {@code io.parx.bench.plant.PlantIngestBench})
 * @param flushInterval write buffered samples at the latest after this long
 * @param claimIdle entries pending longer than this on another (dead) consumer are
 * reclaimed; must exceed the slowest legitimate batch, retries included
 * @param claimInterval how often XAUTOCLAIM looks for such entries
 * @param maxAttempts deliveries after which an entry that cannot be decoded is moved to
 * the quarantine stream
 * @param retryBackoff first pause after a failed write, doubled up to
 * {@code retryBackoffMax}
 * @param retryBackoffMax longest pause between write attempts
 * @param insertMethod how rows reach PostgreSQL
 * @param trimInterval how often acknowledged entries are deleted from the stream
 */
@ConfigurationProperties("parx.storage.ingest")
public record IngestSettings(String consumerName, @DefaultValue("200") int readCount,
		@DefaultValue("200ms") Duration block, @DefaultValue("200000") int flushPoints,
		@DefaultValue("500ms") Duration flushInterval, @DefaultValue("2m") Duration claimIdle,
		@DefaultValue("15s") Duration claimInterval, @DefaultValue("3") int maxAttempts,
		@DefaultValue("500ms") Duration retryBackoff, @DefaultValue("15s") Duration retryBackoffMax,
		@DefaultValue("DIRECT_COPY") InsertMethod insertMethod, @DefaultValue("10s") Duration trimInterval) {

	public IngestSettings {
		if (consumerName == null || consumerName.isBlank()) {
			consumerName = defaultConsumerName();
		}
		if (readCount <= 0 || flushPoints <= 0 || maxAttempts <= 0) {
			throw new IllegalArgumentException("readCount, flushPoints and maxAttempts must be positive");
		}
	}

	private static String defaultConsumerName() {
		String host = System.getenv("HOSTNAME");
		if (host == null || host.isBlank()) {
			try {
				host = java.net.InetAddress.getLocalHost().getHostName();
			}
			catch (java.net.UnknownHostException ex) {
				host = "storage-engine";
			}
		}
		return host;
	}

}
