package io.parx.collector.opcua;

import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import tools.jackson.databind.JsonNode;

import io.parx.collector.channels.ChannelConfig;

/**
 * A channel as the OPC UA engine runs it, its settings validated (config schema V1,
 * OPCUA: {@code nodeId, samplingIntervalMs, deadband}).
 *
 * @param config the channel configuration
 * @param nodeId the variable to monitor, e.g. {@code ns=2;s=Line1.Speed}
 * @param samplingInterval the sampling interval in milliseconds (OPC UA Part 4
 * §5.12.1.2); the channel's poll interval when absent
 * @param deadband absolute deadband of the data change filter (Part 4 §7.22.2), 0 for
 * none
 */
record OpcUaChannel(ChannelConfig config, NodeId nodeId, double samplingInterval, double deadband) {

	static OpcUaChannel of(ChannelConfig config) {
		JsonNode settings = config.settings();
		String nodeIdText = text(settings, "nodeId");
		if (nodeIdText == null) {
			throw new IllegalArgumentException("nodeId is required");
		}
		NodeId nodeId = NodeId.parseOrNull(nodeIdText.trim());
		if (nodeId == null) {
			throw new IllegalArgumentException("nodeId is not a NodeId (e.g. ns=2;s=Tag): " + nodeIdText);
		}
		double sampling = number(settings, "samplingIntervalMs", config.pollInterval().toMillis());
		if (sampling < 0) {
			throw new IllegalArgumentException("samplingIntervalMs must not be negative");
		}
		double deadband = number(settings, "deadband", 0);
		if (deadband < 0 || Double.isNaN(deadband)) {
			throw new IllegalArgumentException("deadband must not be negative");
		}
		return new OpcUaChannel(config, nodeId, sampling, deadband);
	}

	long id() {
		return this.config.id();
	}

	/** Whether a change from {@code other} needs a new monitored item. */
	boolean sameMonitoring(OpcUaChannel other) {
		return this.nodeId.equals(other.nodeId) && this.samplingInterval == other.samplingInterval
				&& this.deadband == other.deadband;
	}

	private static double number(JsonNode settings, String field, double absent) {
		JsonNode node = settings.get(field);
		if (node == null || node.isNull() || (node.isString() && node.stringValue().isBlank())) {
			return absent;
		}
		if (node.isNumber()) {
			return node.doubleValue();
		}
		try {
			return Double.parseDouble(node.asString().trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(field + " must be a number, was " + node);
		}
	}

	static String text(JsonNode settings, String field) {
		JsonNode node = settings.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		String value = node.asString();
		return (value == null || value.isBlank()) ? null : value;
	}

}
