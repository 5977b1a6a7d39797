package io.parx.collector.channels;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parx.collector.engine.ChannelConfig;
import io.parx.collector.engine.ConnectionStatus;
import io.parx.collector.engine.EngineStatus;
import io.parx.collector.engine.ProtocolEngine;
import io.parx.collector.engine.ReadResult;
import io.parx.collector.failover.FailoverSettings;
import io.parx.collector.failover.HeldConnections;
import io.parx.common.config.channel.Protocol;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection gauges docs/OPERATIONS.md alerts on (ParxDeviceConnectionsDown) follow
 * the engine's status at every scrape.
 */
class ConnectionMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final AtomicReference<List<ConnectionStatus>> connections = new AtomicReference<>(List.of());

	@Test
	void connectingAndDisconnectedConnectionsCountAsDownPerProtocol() {
		new ConnectionMetrics(
				new ChannelCoordinator(null, null, null, List.of(new StatusEngine()),
						new HeldConnections(
								new FailoverSettings(false, null, Path.of("unused"), null, Duration.ofSeconds(8),
										Duration.ofSeconds(2), Duration.ofSeconds(2), "redis://localhost:6379"))),
				this.registry);
		this.connections.set(List.of(connection("a", ConnectionStatus.CONNECTED),
				connection("b", ConnectionStatus.CONNECTING), connection("c", ConnectionStatus.DISCONNECTED)));

		assertThat(gauge("parx.collector.connections")).isEqualTo(3);
		assertThat(gauge("parx.collector.connections.down")).isEqualTo(2);

		// a device that came back is no longer down at the next scrape
		this.connections.set(List.of(connection("a", ConnectionStatus.CONNECTED)));
		assertThat(gauge("parx.collector.connections.down")).isZero();
	}

	private double gauge(String name) {
		return this.registry.get(name).tag("protocol", "MODBUS_TCP").gauge().value();
	}

	private static ConnectionStatus connection(String key, String state) {
		return new ConnectionStatus(key, state, null, 0);
	}

	/** An engine that only reports the connections the test sets. */
	private final class StatusEngine implements ProtocolEngine {

		@Override
		public Protocol protocol() {
			return Protocol.MODBUS_TCP;
		}

		@Override
		public void apply(Collection<ChannelConfig> channels) {
		}

		@Override
		public ReadResult readOnce(ChannelConfig channel, Duration timeout) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void validate(ChannelConfig channel) {
		}

		@Override
		public EngineStatus status() {
			return new EngineStatus(ConnectionMetricsTests.this.connections.get(), List.of(), null, 0);
		}

		@Override
		public void close() {
		}

	}

}
