package io.parx.collector.engine;

import java.util.List;

/**
 * What an engine reports to the status API.
 *
 * @param connections one entry per device/server/broker connection
 * @param channels one entry per running channel
 * @param plan engine-specific detail serialized as JSON (the Modbus request plan), or
 * {@code null}
 */
public record EngineStatus(List<ConnectionStatus> connections, List<ChannelStatus> channels, Object plan) {

	public EngineStatus {
		connections = List.copyOf(connections);
		channels = List.copyOf(channels);
	}

	public static EngineStatus empty() {
		return new EngineStatus(List.of(), List.of(), null);
	}

}
