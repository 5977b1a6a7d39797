package io.parx.collector.opcua;

import io.parx.collector.engine.ChannelConfig;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * A channel as the OPC UA engine runs it, its settings read and validated with the
 * contract ({@link io.parx.common.config.channel.OpcUaSettings}).
 *
 * @param config the channel configuration
 * @param nodeId the variable to monitor, e.g. {@code ns=2;s=Line1.Speed}
 * @param samplingInterval the sampling interval in milliseconds (OPC UA Part 4
 * §5.12.1.2); the channel's poll interval when absent
 * @param deadband absolute deadband of the data change filter (Part 4 §7.22.2), 0 for
 * none
 */
record OpcUaChannel(ChannelConfig config, NodeId nodeId, double samplingInterval, double deadband) {

	/**
	 * Reads the channel's settings with the contract the admin-api writes them with.
	 * @throws IllegalArgumentException naming every bad field
	 */
	static OpcUaChannel of(ChannelConfig config) {
		io.parx.common.config.channel.OpcUaSettings settings = io.parx.common.config.channel.OpcUaSettings
			.fromJson(config.settingsMap());
		NodeId nodeId = NodeId.parseOrNull(settings.nodeId().toString());
		if (nodeId == null) {
			throw new IllegalArgumentException("nodeId is not a NodeId (e.g. ns=2;s=Tag): " + settings.nodeId());
		}
		double sampling = (settings.samplingIntervalMs() != null) ? settings.samplingIntervalMs()
				: config.pollInterval().toMillis();
		return new OpcUaChannel(config, nodeId, sampling, settings.deadband());
	}

	long id() {
		return this.config.id();
	}

	/** Whether a change from {@code other} needs a new monitored item. */
	boolean sameMonitoring(OpcUaChannel other) {
		return this.nodeId.equals(other.nodeId) && this.samplingInterval == other.samplingInterval
				&& this.deadband == other.deadband;
	}

}
