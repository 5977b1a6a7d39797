package io.parx.collector.channels;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parx.collector.engine.ConnectionStatus;
import io.parx.collector.engine.ProtocolEngine;

import org.springframework.stereotype.Component;

/**
 * Device connections per protocol for alerting (issue #21): how many there are and how
 * many are not {@code CONNECTED}. Read from the engines' status at scrape time, so the
 * numbers are those of the status page and need no bookkeeping of their own.
 */
@Component
class ConnectionMetrics {

	ConnectionMetrics(ChannelCoordinator coordinator, MeterRegistry registry) {
		coordinator.engines().forEach((protocol, engine) -> {
			Gauge.builder("parx.collector.connections", engine, (e) -> e.status().connections().size())
				.description("Device, server or broker connections the engine holds")
				.tag("protocol", protocol.name())
				.register(registry);
			Gauge.builder("parx.collector.connections.down", engine, ConnectionMetrics::down)
				.description("Connections that are not CONNECTED (connecting or disconnected)")
				.tag("protocol", protocol.name())
				.register(registry);
		});
	}

	private static double down(ProtocolEngine engine) {
		return engine.status()
			.connections()
			.stream()
			.filter((connection) -> !ConnectionStatus.CONNECTED.equals(connection.state()))
			.count();
	}

}
