package io.parx.common.config.channel;

import io.parx.common.config.SettingsReader;

/**
 * The Sparkplug B metric an MQTT channel with payload format {@code SPARKPLUG_B} reads
 * (Sparkplug 3.0 §4.1: topics
 * {@code spBv1.0/<group_id>/<message_type>/<edge_node_id>[/<device_id>]}).
 *
 * @param groupId the group of edge nodes
 * @param edgeNodeId the edge node within the group
 * @param deviceId the device behind the edge node, or {@code null} for a metric of the
 * edge node itself (NBIRTH/NDATA rather than DBIRTH/DDATA)
 * @param metricName the metric's name as its birth certificate gives it (e.g.
 * {@code Line1/Temperature}); data messages may carry only its alias
 */
public record SparkplugMetric(String groupId, String edgeNodeId, String deviceId, String metricName) {

	/** The Sparkplug B topic namespace (Sparkplug 3.0 §4.1.1). */
	public static final String NAMESPACE = "spBv1.0";

	/** Longest group, edge node or device id. */
	public static final int MAX_ID_LENGTH = 200;

	/** Longest metric name. */
	public static final int MAX_METRIC_NAME_LENGTH = 1000;

	public SparkplugMetric {
		require("groupId", groupId);
		require("edgeNodeId", edgeNodeId);
		if (deviceId != null) {
			require("deviceId", deviceId);
		}
		if (metricName == null || metricName.isEmpty() || metricName.length() > MAX_METRIC_NAME_LENGTH) {
			throw new IllegalArgumentException("metricName must be 1 to " + MAX_METRIC_NAME_LENGTH + " characters");
		}
	}

	/**
	 * The one subscription every channel of the edge node shares: all its message types
	 * and devices ({@code +} for the message type, {@code #} for the optional device).
	 */
	public String subscription() {
		return NAMESPACE + "/" + this.groupId + "/+/" + this.edgeNodeId + "/#";
	}

	/**
	 * Sparkplug 3.0 §4.1.1: a group, edge node or device id is one topic level, so it
	 * holds none of {@code / + #}.
	 */
	public static String idProblem(String id) {
		if (id.isEmpty()) {
			return "must not be empty";
		}
		if (id.indexOf('/') >= 0 || id.indexOf('+') >= 0 || id.indexOf('#') >= 0) {
			return "must be one topic level, without / + or #";
		}
		return MqttSettings.topicFilterProblem(id);
	}

	private static void require(String field, String id) {
		if (id == null || id.length() > MAX_ID_LENGTH || idProblem(id) != null) {
			throw new IllegalArgumentException(
					field + " must be one topic level of 1 to " + MAX_ID_LENGTH + " characters, without / + or #");
		}
	}

	/**
	 * Reads the Sparkplug fields of an MQTT settings document.
	 * @param sparkplug whether the payload format is {@code SPARKPLUG_B}: the fields are
	 * required then and rejected otherwise
	 * @return the metric, or {@code null} when a field was rejected or the format is
	 * another
	 */
	static SparkplugMetric read(SettingsReader f, boolean sparkplug) {
		if (!sparkplug) {
			for (String field : new String[] { "groupId", "edgeNodeId", "deviceId", "metricName" }) {
				if (f.has(field)) {
					f.reject(field, "applies only to payload format SPARKPLUG_B");
				}
			}
			return null;
		}
		String groupId = id(f, "groupId", true);
		String edgeNodeId = id(f, "edgeNodeId", true);
		String deviceId = id(f, "deviceId", false);
		String metricName = f.string("metricName", true, MAX_METRIC_NAME_LENGTH);
		if (groupId == null || edgeNodeId == null || metricName == null || (f.has("deviceId") && deviceId == null)) {
			return null;
		}
		return new SparkplugMetric(groupId, edgeNodeId, deviceId, metricName);
	}

	private static String id(SettingsReader f, String field, boolean required) {
		String id = f.string(field, required, MAX_ID_LENGTH);
		if (id != null && idProblem(id) != null) {
			f.reject(field, idProblem(id));
			return null;
		}
		return id;
	}

	@Override
	public String toString() {
		return this.groupId + "/" + this.edgeNodeId + ((this.deviceId != null) ? "/" + this.deviceId : "") + ":"
				+ this.metricName;
	}

}
