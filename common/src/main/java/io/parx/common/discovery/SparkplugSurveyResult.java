package io.parx.common.discovery;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.parx.common.config.DataType;

/**
 * Answer of {@code POST /api/v1/collector/discovery/sparkplug}: the edge nodes, devices
 * and metrics the births on the broker declared while the client listened.
 *
 * @param listenedMs how long the client listened
 * @param messages Sparkplug B messages received
 * @param truncated whether more edge nodes, devices or metrics came than are listed
 * (1,000 nodes and devices, 20,000 metrics)
 * @param rebirthRequests rebirth requests sent (only when asked for)
 * @param groups the groups seen, by id
 */
@Schema(requiredProperties = { "listenedMs", "messages", "truncated", "rebirthRequests", "groups" })
public record SparkplugSurveyResult(long listenedMs, long messages, boolean truncated, int rebirthRequests,
		List<Group> groups) {

	/** What the discovery knows of an edge node or a device. */
	@Schema(name = "SparkplugState")
	public enum State {

		/** A birth came and no death after it. */
		ONLINE,

		/** A death came (NDEATH, DDEATH, or the NDEATH of its edge node). */
		OFFLINE,

		/**
		 * Only data came: its metrics are unknown until it is born again (ask for a
		 * rebirth with {@code requestRebirth}).
		 */
		NO_BIRTH

	}

	/**
	 * A Sparkplug B group.
	 *
	 * @param groupId its id
	 * @param edgeNodes its edge nodes, by id
	 */
	@Schema(name = "SparkplugGroup", requiredProperties = { "groupId", "edgeNodes" })
	public record Group(String groupId, List<EdgeNode> edgeNodes) {

	}

	/**
	 * An edge node.
	 *
	 * @param edgeNodeId its id
	 * @param state what its last birth, data or death says
	 * @param messages its messages (its devices' included)
	 * @param rebirthRequested whether the discovery asked it for its births
	 * @param metrics the metrics of its NBIRTH, in birth order ({@code bdSeq} left out)
	 * @param devices its devices, by id
	 * @param note a payload that did not decode, or {@code null}
	 */
	@Schema(name = "SparkplugEdgeNodeSeen", requiredProperties = { "edgeNodeId", "state", "messages",
			"rebirthRequested", "metrics", "devices", "note" })
	public record EdgeNode(String edgeNodeId, State state, long messages, boolean rebirthRequested,
			List<MetricSeen> metrics, List<Device> devices, @Schema(nullable = true) String note) {

	}

	/**
	 * A device behind an edge node.
	 *
	 * @param deviceId its id
	 * @param state what its last birth, data or death says
	 * @param metrics the metrics of its DBIRTH, in birth order
	 * @param note a payload that did not decode, or {@code null}
	 */
	@Schema(name = "SparkplugDeviceSeen", requiredProperties = { "deviceId", "state", "metrics", "note" })
	public record Device(String deviceId, State state, List<MetricSeen> metrics, @Schema(nullable = true) String note) {

	}

	/**
	 * A metric as its birth declared it, with the last value seen.
	 *
	 * @param name its name, what a channel's {@code metricName} takes
	 * @param alias its alias, or {@code null}
	 * @param sparkplugType its Sparkplug B data type (Tahu's name, e.g. {@code Float})
	 * @param dataType the channel data type that holds it, or {@code null} when a channel
	 * cannot (data sets, templates, arrays, bytes, files)
	 * @param value the last value, from the birth or data after it; {@code null} when
	 * null or of a type a channel cannot hold; strings cut to 200 characters
	 */
	@Schema(name = "SparkplugMetricSeen",
			requiredProperties = { "name", "alias", "sparkplugType", "dataType", "value" })
	public record MetricSeen(String name, @Schema(nullable = true) Long alias,
			@Schema(nullable = true) String sparkplugType, @Schema(nullable = true) DataType dataType, Object value) {

	}

}
