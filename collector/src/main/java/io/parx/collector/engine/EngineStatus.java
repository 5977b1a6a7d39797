package io.parx.collector.engine;

import java.util.List;

/**
 * What an engine reports to the status API.
 *
 * @param connections one entry per device/server/broker connection
 * @param channels one entry per running channel
 * @param plan engine-specific detail serialized as JSON (the Modbus request plan), or
 * {@code null}
 * @param pollOverruns poll cycles that started a whole period late since start (the
 * device answers slower than the poll interval asks)
 */
public record EngineStatus(List<ConnectionStatus> connections, List<ChannelStatus> channels, Object plan,
		long pollOverruns) {

	public EngineStatus {
		connections = List.copyOf(connections);
		channels = List.copyOf(channels);
	}

	public static EngineStatus empty() {
		return new EngineStatus(List.of(), List.of(), null, 0);
	}

}
