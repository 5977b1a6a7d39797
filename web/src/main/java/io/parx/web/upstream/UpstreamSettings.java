package io.parx.web.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the five services answer and how long the gateway waits for them
 * ({@code parx.web.upstream.*}; the URLs come from {@code PARX_*_URL}, see
 * application.yml).
 *
 * @param adminApi the admin-api: sign-in, users, channels, rules, dashboards, audit and
 * the JWKS
 * @param dataRouter the data-router: live values over the WebSocket {@code /ws}
 * @param collector the collector: status and channel test API
 * @param storageEngine the storage engine: its status API
 * @param analyticsEngine the analytics engine: queries, statistics, batches, exports
 * @param connectTimeout how long to wait for a TCP connection to a service; short, so a
 * service that is down is reported at once instead of leaving the browser waiting
 * @param responseTimeout how long to wait for a service's response headers; long enough
 * for a large export, which the analytics engine prepares before it answers
 * @param health how the readiness of the services is checked
 */
@ConfigurationProperties("parx.web.upstream")
@Validated
public record UpstreamSettings(@NotNull URI adminApi, @NotNull URI dataRouter, @NotNull URI collector,
		@NotNull URI storageEngine, @NotNull URI analyticsEngine,
		@DefaultValue("2s") @DurationMin(millis = 1) @DurationMax(minutes = 1) Duration connectTimeout,
		@DefaultValue("120s") @DurationMin(millis = 1) Duration responseTimeout, @DefaultValue @Valid Health health) {

	public UpstreamSettings {
		requireHttp("admin-api", adminApi);
		requireHttp("data-router", dataRouter);
		requireHttp("collector", collector);
		requireHttp("storage-engine", storageEngine);
		requireHttp("analytics-engine", analyticsEngine);
	}

	/** The five services by name, in the order the documentation lists them. */
	public Map<String, URI> byName() {
		Map<String, URI> services = new LinkedHashMap<>();
		services.put("admin-api", this.adminApi);
		services.put("data-router", this.dataRouter);
		services.put("collector", this.collector);
		services.put("storage-engine", this.storageEngine);
		services.put("analytics-engine", this.analyticsEngine);
		return services;
	}

	// A null URL is left to @NotNull, which names the property in its message.
	private static void requireHttp(String service, URI url) {
		String scheme = (url != null && url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : null;
		if (url != null && (!("http".equals(scheme) || "https".equals(scheme)) || url.getHost() == null)) {
			throw new IllegalArgumentException(
					"the " + service + " URL must be an absolute http:// or https:// URL, not " + url);
		}
	}

	/**
	 * Readiness checks of the services ({@code GET <url>/actuator/health/readiness}).
	 *
	 * @param timeout how long one check may take before the service counts as down
	 * @param cacheFor how long a result is reused, so that frequent health scrapes of the
	 * gateway do not turn into a stream of requests to every service
	 */
	public record Health(@DefaultValue("1s") @DurationMin(millis = 1) Duration timeout,
			@DefaultValue("5s") @DurationMin(millis = 0) Duration cacheFor) {
	}

}
