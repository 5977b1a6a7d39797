package io.parx.admin.channels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Valid channel request bodies per protocol, to be varied by each test. */
public final class ChannelFixtures {

	private ChannelFixtures() {
	}

	public static Map<String, Object> modbus(String name) {
		return channel(name, "FLOAT32", "MODBUS_TCP", map("host", "10.0.0.5", "port", 502, "unitId", 1, "registerType",
				"HOLDING_REGISTER", "address", 100, "byteOrder", "ABCD", "wordOrder", "CDAB"));
	}

	public static Map<String, Object> opcua(String name) {
		return channel(name, "FLOAT64", "OPCUA",
				map("endpointUrl", "opc.tcp://plc1:4840", "nodeId", "ns=2;s=Line1.Temp", "securityPolicy",
						"Basic256Sha256", "securityMode", "SignAndEncrypt", "authentication", "USERNAME", "username",
						"collector", "password", "s3cret-opc"));
	}

	/** A Sparkplug B metric of an edge node, over MQTT. */
	public static Map<String, Object> sparkplug(String name) {
		return channel(name, "FLOAT64", "MQTT", map("brokerUrl", "tcp://broker:1883", "payloadFormat", "SPARKPLUG_B",
				"groupId", "plant", "edgeNodeId", "gw-1", "metricName", "Line1/Temp"));
	}

	public static Map<String, Object> mqtt(String name) {
		return channel(name, "FLOAT64", "MQTT", map("brokerUrl", "tcp://broker:1883", "topic", "plant/line1/+/temp",
				"qos", 1, "payloadFormat", "JSON", "valuePointer", "/value", "timestampPointer", "/ts"));
	}

	public static Map<String, Object> simulator(String name) {
		return channel(name, "FLOAT64", "SIMULATOR",
				map("waveform", "SINE", "amplitude", 10.0, "periodMs", 60000, "offset", 20.0));
	}

	static Map<String, Object> channel(String name, String dataType, String protocol, Map<String, Object> settings) {
		Map<String, Object> body = map("name", name, "description", "test channel", "unit", "°C", "dataType", dataType,
				"pollIntervalMs", 1000, "tags", List.of("line1", "temperature"), "protocol", protocol);
		body.put("settings", settings);
		return body;
	}

	public static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> settings(Map<String, Object> channel) {
		return (Map<String, Object>) channel.get("settings");
	}

}
