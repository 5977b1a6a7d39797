package io.parx.admin.channels;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the admin-api reaches the collector for live channel tests.
 *
 * @param url base URL of the collector ({@code PARX_COLLECTOR_URL}): used when the
 * channel's collector group has announced no instance in Redis (see
 * {@code CollectorRoutes})
 * @param testTimeout how long a channel test may take, connection included
 * @param discoveryTimeout how long the admin-api waits for a discovery that listens on a
 * broker (at most 30 s plus connecting) or reads a register range
 */
@ConfigurationProperties("parx.collector")
public record CollectorSettings(@DefaultValue("http://localhost:3002") URI url,
		@DefaultValue("10s") Duration testTimeout, @DefaultValue("50s") Duration discoveryTimeout) {

}
