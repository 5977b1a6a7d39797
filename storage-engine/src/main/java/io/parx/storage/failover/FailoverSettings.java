package io.parx.storage.failover;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How several storage engines share the sample stream: one consumes, holding the ingest
 * lease, the others stand by and take over when it ends (issue 21).
 *
 * @param leaseTtl how long Redis keeps the lease after its last renewal: a killed
 * instance is replaced after at most this plus one renew interval
 * @param renewInterval how often the holder renews, and a standby tries to take it
 * @param stopMargin the holder stops consuming this long before its lease can expire in
 * Redis (counted from when the last renewal was sent)
 */
@ConfigurationProperties("parx.storage.failover")
public record FailoverSettings(@DefaultValue("8s") Duration leaseTtl, @DefaultValue("2s") Duration renewInterval,
		@DefaultValue("2s") Duration stopMargin) {

	public FailoverSettings {
		if (renewInterval.isNegative() || renewInterval.isZero() || stopMargin.isNegative()
				|| renewInterval.plus(stopMargin).compareTo(leaseTtl) >= 0) {
			throw new IllegalArgumentException(
					"parx.storage.failover: renew-interval + stop-margin must be positive and below lease-ttl");
		}
	}

	/** How long the holder may consume after it sent its last renewal. */
	Duration localValidity() {
		return this.leaseTtl.minus(this.stopMargin);
	}

}
