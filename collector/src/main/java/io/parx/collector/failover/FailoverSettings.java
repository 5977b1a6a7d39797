package io.parx.collector.failover;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Collector groups with failover ({@code parx.collector.failover}, issue #21;
 * docs/OPERATIONS.md, "Collector groups").
 *
 * @param enabled whether the instances of this collector's name share its channels
 * through leases in Redis ({@code PARX_COLLECTOR_FAILOVER}); off, this instance runs
 * every channel of its name whether Redis answers or not, as before
 * @param instance this instance's id in its group ({@code PARX_COLLECTOR_INSTANCE}:
 * letters, digits, {@code ._-}); blank: the id in {@code instanceFile}, generated there
 * once
 * @param instanceFile where a generated instance id is kept, next to the disk buffer
 * ({@code $PARX_DATA_DIR/collector-instance})
 * @param advertisedUrl where the admin-api reaches this instance's API
 * ({@code PARX_COLLECTOR_ADVERTISED_URL}, e.g. {@code http://collector-1:3002}); blank:
 * not announced, the admin-api uses {@code PARX_COLLECTOR_URL}
 * @param leaseTtl how long a lease lives in Redis without renewal: a killed instance's
 * connections are free after at most this
 * @param renewInterval how often leases are renewed and free connections taken
 * @param stopMargin how long before its lease could expire in Redis an instance that
 * could not renew stops reading and publishing the connection
 * @param redisUrl the Redis of the leases: the one samples are published to
 */
@ConfigurationProperties("parx.collector.failover")
public record FailoverSettings(@DefaultValue("false") boolean enabled, String instance,
		@DefaultValue("./data/collector-instance") Path instanceFile, String advertisedUrl,
		@DefaultValue("8s") Duration leaseTtl, @DefaultValue("2s") Duration renewInterval,
		@DefaultValue("2s") Duration stopMargin, @DefaultValue("redis://localhost:6379") String redisUrl) {

	static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	public FailoverSettings {
		instance = (instance == null || instance.isBlank()) ? null : instance.strip();
		if (instance != null && !INSTANCE.matcher(instance).matches()) {
			throw new IllegalArgumentException(
					"parx.collector.failover.instance must be 1-64 letters, digits, '.', '_' or '-', was '" + instance
							+ "'");
		}
		advertisedUrl = (advertisedUrl == null || advertisedUrl.isBlank()) ? null : advertisedUrl.strip();
		if (advertisedUrl != null) {
			URI uri = URI.create(advertisedUrl);
			if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
				throw new IllegalArgumentException(
						"parx.collector.failover.advertised-url must be an http(s) URL, was '" + advertisedUrl + "'");
			}
		}
		if (!renewInterval.isPositive() || !stopMargin.isPositive()) {
			throw new IllegalArgumentException("renew-interval and stop-margin must be positive");
		}
		// one renewal may fail (or come late) without the lease being given up
		if (leaseTtl.compareTo(renewInterval.multipliedBy(2).plus(stopMargin)) < 0) {
			throw new IllegalArgumentException("parx.collector.failover.lease-ttl (" + leaseTtl
					+ ") must be at least twice renew-interval plus stop-margin (" + renewInterval + ", " + stopMargin
					+ ")");
		}
	}

	/**
	 * How long after a renewal was sent the instance still reads and publishes the
	 * connection: {@code leaseTtl - stopMargin}. Redis keeps the lease {@code leaseTtl}
	 * after it executed the renewal, which is later than it was sent, so the instance
	 * stops at least {@code stopMargin} before another one can take the connection.
	 */
	Duration validity() {
		return this.leaseTtl.minus(this.stopMargin);
	}

}
