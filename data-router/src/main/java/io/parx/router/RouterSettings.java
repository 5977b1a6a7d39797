package io.parx.router;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the live WebSocket fan-out ({@code parx.router.*}).
 *
 * @param outboxCapacity samples a session may have queued before the router starts
 * coalescing them per channel (latest wins)
 * @param maxSamplesPerFrame most samples sent in one update frame
 * @param flushInterval how long updates linger before a frame is sent, so that several
 * batches share one frame; zero sends as soon as the session's sender is free
 * @param stuckTimeout how long a session may have pending data without completing a send
 * before it is closed as a slow consumer (close code 4408)
 * @param maxSubscriptions most channels one session may subscribe to
 * @param maxRate highest per-channel update rate (per second) a client may ask for
 * @param tokenRefreshAhead how long before its token expires a session is asked for a
 * fresh one
 * @param tokenGrace how long after expiry a session waits for a fresh token before it is
 * closed (close code 4401)
 * @param maxMessageSize largest client message accepted (a subscribe of 10,000 channel
 * ids takes up to about 200 KB); larger messages close the session with 1009
 * @param allowedOrigins origin patterns accepted at the handshake; tokens, not cookies,
 * authenticate, so the default accepts any origin
 * @param directoryRefresh how often the channel directory is reloaded in full, as a
 * safety net for configuration events missed while Redis was unreachable
 */
@ConfigurationProperties("parx.router")
public record RouterSettings(@DefaultValue("4096") int outboxCapacity, @DefaultValue("1000") int maxSamplesPerFrame,
		@DefaultValue("0ms") Duration flushInterval, @DefaultValue("10s") Duration stuckTimeout,
		@DefaultValue("10000") int maxSubscriptions, @DefaultValue("1000") double maxRate,
		@DefaultValue("60s") Duration tokenRefreshAhead, @DefaultValue("30s") Duration tokenGrace,
		@DefaultValue("256KB") DataSize maxMessageSize, @DefaultValue("*") List<String> allowedOrigins,
		@DefaultValue("5m") Duration directoryRefresh) {

	public RouterSettings {
		if (outboxCapacity < 1 || maxSamplesPerFrame < 1 || maxSubscriptions < 1 || maxRate <= 0) {
			throw new IllegalArgumentException(
					"parx.router: outbox-capacity, max-samples-per-frame, max-subscriptions and max-rate must be positive");
		}
		if (flushInterval.isNegative() || !stuckTimeout.isPositive() || tokenRefreshAhead.isNegative()
				|| tokenGrace.isNegative() || !directoryRefresh.isPositive()) {
			throw new IllegalArgumentException("parx.router: durations must not be negative");
		}
	}

}
