package io.parx.collector.opcua;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the OPC UA engine that are not per channel (the per-channel ones live in
 * the channel's {@code settings} JSON, see {@link OpcUaChannel} and
 * {@link OpcUaEndpoint}).
 *
 * @param pkiDir where the application instance certificate (keystore), the trusted and
 * the rejected certificates live; {@code null} for {@code $PARX_DATA_DIR/opcua/pki}
 * @param applicationUri the application URI in the client certificate and session (OPC UA
 * Part 4 §7.2)
 * @param applicationName the application name the servers see
 * @param keystorePassword password of the PKCS#12 keystore holding the client key
 * @param requestTimeout timeout of every service request
 * @param sessionTimeout session timeout requested from the server
 * @param publishingInterval publishing interval of the engine's subscriptions
 * @param queueSize monitored item queue size, so fast changes between two publishes are
 * not lost
 * @param connectRetryInitial first delay before retrying a server whose endpoints could
 * not be fetched
 * @param connectRetryMax longest such delay
 */
@ConfigurationProperties("parx.collector.opcua")
public record OpcUaSettings(Path pkiDir, @DefaultValue("urn:parx:collector") String applicationUri,
		@DefaultValue("ParX collector") String applicationName, @DefaultValue("parx") String keystorePassword,
		@DefaultValue("10s") Duration requestTimeout, @DefaultValue("60s") Duration sessionTimeout,
		@DefaultValue("250ms") Duration publishingInterval, @DefaultValue("10") int queueSize,
		@DefaultValue("1s") Duration connectRetryInitial, @DefaultValue("30s") Duration connectRetryMax) {

	public OpcUaSettings {
		if (applicationUri == null || applicationUri.isBlank()) {
			throw new IllegalArgumentException("applicationUri must not be blank");
		}
		if (queueSize < 1) {
			throw new IllegalArgumentException("queueSize must be at least 1");
		}
		if (connectRetryInitial.compareTo(connectRetryMax) > 0) {
			throw new IllegalArgumentException("connectRetryInitial must not exceed connectRetryMax");
		}
	}

	/** The defaults with the given PKI directory, for code that runs without Spring. */
	public static OpcUaSettings defaults(Path pkiDir) {
		return new OpcUaSettings(pkiDir, "urn:parx:collector", "ParX collector", "parx", Duration.ofSeconds(10),
				Duration.ofSeconds(60), Duration.ofMillis(250), 10, Duration.ofSeconds(1), Duration.ofSeconds(30));
	}

	/** These settings with requests that wait no longer than {@code limit}. */
	OpcUaSettings withRequestTimeout(Duration limit) {
		Duration shorter = (limit.compareTo(this.requestTimeout) < 0) ? limit : this.requestTimeout;
		return new OpcUaSettings(this.pkiDir, this.applicationUri, this.applicationName, this.keystorePassword, shorter,
				this.sessionTimeout, this.publishingInterval, this.queueSize, this.connectRetryInitial,
				this.connectRetryMax);
	}

	OpcUaSettings withQueueSize(int queueSize) {
		return new OpcUaSettings(this.pkiDir, this.applicationUri, this.applicationName, this.keystorePassword,
				this.requestTimeout, this.sessionTimeout, this.publishingInterval, queueSize, this.connectRetryInitial,
				this.connectRetryMax);
	}

	OpcUaSettings withTiming(Duration publishingInterval, Duration connectRetryMax) {
		return new OpcUaSettings(this.pkiDir, this.applicationUri, this.applicationName, this.keystorePassword,
				this.requestTimeout, this.sessionTimeout, publishingInterval, this.queueSize,
				Duration.ofMillis(Math.min(this.connectRetryInitial.toMillis(), connectRetryMax.toMillis())),
				connectRetryMax);
	}

}
