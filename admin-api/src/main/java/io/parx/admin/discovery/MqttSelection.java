package io.parx.admin.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parx.admin.request.Violations;
import io.parx.common.config.DataType;
import io.parx.common.config.SettingsReader;
import io.parx.common.config.channel.MqttSettings;
import io.parx.common.config.channel.MqttSettings.PayloadFormat;
import io.parx.common.config.channel.Protocol;
import io.parx.common.config.channel.SparkplugMetric;

/**
 * MQTT topics and Sparkplug B metrics picked from a discovery, to become channels of one
 * broker: {@code settings} are the MQTT settings they share (broker, client id, identity,
 * qos, write settings; a {@code timestampPointer} or {@code writeTopic} there is every
 * item's unless the item has its own), {@code channel} the channel fields they share, and
 * each item is a topic ({@code topic}, {@code payloadFormat} NUMBER, BOOLEAN, STRING or
 * JSON, for JSON a {@code valuePointer}) or a Sparkplug B metric ({@code payloadFormat}
 * SPARKPLUG_B, {@code groupId}, {@code edgeNodeId}, optional {@code deviceId},
 * {@code metricName}); one selection may mix them. Names come from the item's
 * {@code name}, else the topic and pointer, else
 * {@code edgeNodeId[/deviceId]/metricName}; the data type from {@code channelDataType},
 * else what the payload format implies (BOOLEAN: BOOL, STRING: STRING), else for a metric
 * the {@code dataType} the Sparkplug B discovery listed.
 *
 * @param channelRows the channel rows
 */
record MqttSelection(List<Map<String, Object>> channelRows) implements ChannelSelection {

	/** Settings an item sets itself, not the shared ones. */
	private static final Set<String> PER_ITEM_SETTINGS = Set.of("topic", "payloadFormat", "valuePointer", "groupId",
			"edgeNodeId", "deviceId", "metricName");

	/** The fields an item of either format may have. */
	private static final List<String> ITEM_FIELDS = List.of("topic", "valuePointer", "timestampPointer", "writeTopic",
			"groupId", "edgeNodeId", "deviceId", "metricName", "dataType", "channelDataType");

	/**
	 * Fields of a topic ({@code MqttTopicSeen}), a JSON leaf ({@code MqttJsonLeaf}) or a
	 * metric ({@code SparkplugMetricSeen}) as discovery listed them.
	 */
	private static final Set<String> LISTING = Set.of("messages", "retained", "lastReceivedAt", "payloadBytes",
			"payload", "payloadTruncated", "leaves", "leavesTruncated", "note", "pointer", "type", "value", "alias",
			"sparkplugType", "state");

	static MqttSelection read(SettingsReader f, Violations violations) {
		List<Map<String, Object>> rows = SelectionItems.rows(Protocol.MQTT, f, violations, PER_ITEM_SETTINGS, LISTING,
				MqttSelection::item);
		return (rows != null) ? new MqttSelection(rows) : null;
	}

	private static SelectionItems.ItemChannel item(SettingsReader item) {
		String name = item.string("name", false, 200);
		PayloadFormat format = item.choice("payloadFormat", PayloadFormat.class, null);
		if (format == null) {
			// the item's other fields wait for a format to be judged by
			ITEM_FIELDS.forEach(item::raw);
			return null;
		}
		return (format == PayloadFormat.SPARKPLUG_B) ? metric(item, name) : topic(item, name, format);
	}

	private static SelectionItems.ItemChannel topic(SettingsReader item, String name, PayloadFormat format) {
		String topic = item.string("topic", true, 1000);
		if (topic != null && MqttSettings.topicNameProblem(topic) != null) {
			item.reject("topic", MqttSettings.topicNameProblem(topic));
			topic = null;
		}
		String valuePointer = item.string("valuePointer", false, 1000);
		String timestampPointer = item.string("timestampPointer", false, 1000);
		String writeTopic = item.string("writeTopic", false, 1000);
		for (String field : List.of("groupId", "edgeNodeId", "deviceId", "metricName")) {
			if (item.has(field)) {
				item.reject(field, "applies only to payload format SPARKPLUG_B");
			}
		}
		if (format != PayloadFormat.JSON) {
			for (String pointer : List.of("valuePointer", "timestampPointer")) {
				if (item.has(pointer)) {
					item.reject(pointer, "applies only to payload format JSON");
				}
			}
		}
		DataType implied = switch (format) {
			case BOOLEAN -> DataType.BOOL;
			case STRING -> DataType.STRING;
			case NUMBER, JSON, SPARKPLUG_B -> null;
		};
		DataType dataType = SelectionItems.channelDataType(item, implied,
				"is required for payload format " + format + ": one of " + List.of(DataType.values()));
		if (topic == null || dataType == null) {
			return null;
		}
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("topic", topic);
		settings.put("payloadFormat", format.name());
		putIfSet(settings, "valuePointer", valuePointer);
		putIfSet(settings, "timestampPointer", timestampPointer);
		putIfSet(settings, "writeTopic", writeTopic);
		String pointer = (format == PayloadFormat.JSON && valuePointer != null) ? valuePointer : "";
		return new SelectionItems.ItemChannel(SelectionItems.firstOf(topic, name, topic + pointer), dataType, settings);
	}

	private static SelectionItems.ItemChannel metric(SettingsReader item, String name) {
		String groupId = id(item, "groupId", true);
		String edgeNodeId = id(item, "edgeNodeId", true);
		String deviceId = id(item, "deviceId", false);
		String metricName = item.string("metricName", true, SparkplugMetric.MAX_METRIC_NAME_LENGTH);
		for (String field : List.of("topic", "valuePointer", "timestampPointer", "writeTopic")) {
			if (item.has(field)) {
				item.reject(field, "is not set for SPARKPLUG_B: the metric names what the channel reads");
			}
		}
		// the Sparkplug B discovery lists the metric's channel data type as dataType
		boolean listed = item.has("dataType");
		DataType fromSurvey = listed ? item.choice("dataType", DataType.class, null) : null;
		String sparkplugType = (item.raw("sparkplugType") instanceof String s) ? s : null;
		DataType dataType = (listed && fromSurvey == null && !item.has("channelDataType")) ? null
				: SelectionItems.channelDataType(item, fromSurvey,
						(sparkplugType != null)
								? "the metric's type " + sparkplugType + " has no channel data type; choose one of "
										+ List.of(DataType.values())
								: "is required when dataType (the metric's channel data type) is not sent");
		if (groupId == null || edgeNodeId == null || metricName == null || dataType == null
				|| (item.has("deviceId") && deviceId == null)) {
			return null;
		}
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("payloadFormat", PayloadFormat.SPARKPLUG_B.name());
		settings.put("groupId", groupId);
		settings.put("edgeNodeId", edgeNodeId);
		putIfSet(settings, "deviceId", deviceId);
		settings.put("metricName", metricName);
		String node = edgeNodeId + ((deviceId != null) ? "/" + deviceId : "");
		return new SelectionItems.ItemChannel(SelectionItems.firstOf(metricName, name, node + "/" + metricName),
				dataType, settings);
	}

	/** A group, edge node or device id: one topic level (Sparkplug 3.0 §4.1.1). */
	private static String id(SettingsReader item, String field, boolean required) {
		String id = item.string(field, required, SparkplugMetric.MAX_ID_LENGTH);
		if (id != null && SparkplugMetric.idProblem(id) != null) {
			item.reject(field, SparkplugMetric.idProblem(id));
			return null;
		}
		return id;
	}

	private static void putIfSet(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

}
