package io.parx.common.config.channel;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.parx.common.config.DataType;
import io.parx.common.config.SettingsReader;

/**
 * Values received on an MQTT topic.
 *
 * @param brokerUrl {@code tcp://host:port} or {@code ssl://host:port}; without a port
 * 1883 or 8883 (the IANA ports of MQTT)
 * @param clientId client identifier, or null to let the collector choose one
 * @param username optional user name
 * @param password optional write-only password
 * @param topic topic filter; {@code +} and {@code #} wildcards allowed (MQTT 3.1.1 §4.7);
 * for {@code SPARKPLUG_B} the edge node's subscription
 * ({@link SparkplugMetric#subscription()}), which is not stored
 * @param qos subscription quality of service 0, 1 or 2
 * @param payloadFormat how to read the value from a message
 * @param valuePointer JSON Pointer (RFC 6901) to the value when the payload is JSON; the
 * whole document when absent
 * @param timestampPointer optional JSON Pointer to the source timestamp when JSON
 * @param writeTopic the topic a write publishes the value to (a topic name, no
 * wildcards), in the channel's payload format; required when the channel is writable
 * @param write whether and how the channel may be written
 * @param sparkplug the Sparkplug B metric the channel reads; present exactly for payload
 * format {@code SPARKPLUG_B}
 */
public record MqttSettings(URI brokerUrl, String clientId, String username, String password, String topic, int qos,
		PayloadFormat payloadFormat, String valuePointer, String timestampPointer, String writeTopic, WriteAccess write,
		SparkplugMetric sparkplug) implements ChannelSettings {

	public static final int DEFAULT_QOS = 1;

	public static final PayloadFormat DEFAULT_PAYLOAD_FORMAT = PayloadFormat.NUMBER;

	public MqttSettings {
		write = (write != null) ? write : WriteAccess.NONE;
		if ((payloadFormat == PayloadFormat.SPARKPLUG_B) != (sparkplug != null)) {
			throw new IllegalArgumentException("the Sparkplug B metric is required exactly for SPARKPLUG_B");
		}
		if (sparkplug != null) {
			topic = sparkplug.subscription();
			if (writeTopic != null) {
				throw new IllegalArgumentException(
						"a Sparkplug B write goes to the NCMD or DCMD topic, not a writeTopic");
			}
		}
		else if (write.writable() && (writeTopic == null || topicNameProblem(writeTopic) != null)) {
			throw new IllegalArgumentException("a writable channel needs a writeTopic without wildcards");
		}
		if (brokerUrl == null || broker(brokerUrl.toString()) == null) {
			throw new IllegalArgumentException("brokerUrl must be a tcp://host:port or ssl://host:port URL");
		}
		if (topic == null || topicFilterProblem(topic) != null) {
			throw new IllegalArgumentException("topic must be a topic filter");
		}
		if (qos < 0 || qos > 2 || payloadFormat == null) {
			throw new IllegalArgumentException("qos must be 0, 1 or 2 and payloadFormat is required");
		}
		if (payloadFormat != PayloadFormat.JSON && (valuePointer != null || timestampPointer != null)) {
			throw new IllegalArgumentException("pointers apply only to payload format JSON");
		}
	}

	/** Settings of a channel that is only read. */
	public MqttSettings(URI brokerUrl, String clientId, String username, String password, String topic, int qos,
			PayloadFormat payloadFormat, String valuePointer, String timestampPointer) {
		this(brokerUrl, clientId, username, password, topic, qos, payloadFormat, valuePointer, timestampPointer, null,
				WriteAccess.NONE, null);
	}

	/** Settings of a channel with another payload format than {@code SPARKPLUG_B}. */
	public MqttSettings(URI brokerUrl, String clientId, String username, String password, String topic, int qos,
			PayloadFormat payloadFormat, String valuePointer, String timestampPointer, String writeTopic,
			WriteAccess write) {
		this(brokerUrl, clientId, username, password, topic, qos, payloadFormat, valuePointer, timestampPointer,
				writeTopic, write, null);
	}

	/**
	 * Reads a stored document.
	 * @throws io.parx.common.config.InvalidSettingsException naming every bad field
	 */
	public static MqttSettings fromJson(Map<String, ?> json, DataType dataType) {
		return (MqttSettings) ChannelSettings.fromJson(Protocol.MQTT, dataType, json);
	}

	/** Whether the broker is reached over TLS ({@code ssl://}). */
	public boolean tls() {
		return "ssl".equals(this.brokerUrl.getScheme());
	}

	/** The broker's port: the URL's, else 8883 for TLS and 1883 without. */
	public int brokerPort() {
		return (this.brokerUrl.getPort() > 0) ? this.brokerUrl.getPort() : tls() ? 8883 : 1883;
	}

	/**
	 * RFC 6901: empty (whole document) or {@code /}-separated tokens with
	 * {@code ~0}/{@code ~1} escapes.
	 */
	private static final Pattern JSON_POINTER = Pattern.compile("(/([^~/]|~[01])*)*");

	@Override
	public Protocol protocol() {
		return Protocol.MQTT;
	}

	@Override
	public String device() {
		return this.brokerUrl.toString();
	}

	@Override
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("brokerUrl", this.brokerUrl.toString());
		putIfSet(map, "clientId", this.clientId);
		putIfSet(map, "username", this.username);
		putIfSet(map, "password", this.password);
		if (this.sparkplug == null) {
			map.put("topic", this.topic);
		}
		else {
			map.put("groupId", this.sparkplug.groupId());
			map.put("edgeNodeId", this.sparkplug.edgeNodeId());
			putIfSet(map, "deviceId", this.sparkplug.deviceId());
			map.put("metricName", this.sparkplug.metricName());
		}
		map.put("qos", this.qos);
		map.put("payloadFormat", this.payloadFormat.name());
		putIfSet(map, "valuePointer", this.valuePointer);
		putIfSet(map, "timestampPointer", this.timestampPointer);
		putIfSet(map, "writeTopic", this.writeTopic);
		this.write.putInto(map);
		return map;
	}

	@Override
	public String toString() {
		return "MqttSettings[" + this.brokerUrl + ", " + ((this.sparkplug != null) ? this.sparkplug : this.topic)
				+ ", password=******]";
	}

	private static void putIfSet(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	static MqttSettings read(SettingsReader f, DataType dataType) {
		URI broker = null;
		String url = f.string("brokerUrl", true, 2000);
		if (url != null) {
			broker = broker(url.strip());
			if (broker == null) {
				f.reject("brokerUrl", "must be a tcp://host:port or ssl://host:port URL");
			}
		}
		String clientId = f.string("clientId", false, 256);
		String username = f.string("username", false, 200);
		String password = f.string("password", false, 1000);
		PayloadFormat format = f.choice("payloadFormat", PayloadFormat.class, DEFAULT_PAYLOAD_FORMAT);
		boolean sparkplug = format == PayloadFormat.SPARKPLUG_B;
		SparkplugMetric metric = SparkplugMetric.read(f, sparkplug);
		String topic = f.string("topic", !sparkplug && format != null, 1000);
		if (sparkplug && topic != null) {
			f.reject("topic",
					"is not set for SPARKPLUG_B: the collector subscribes to spBv1.0/<groupId>/+/<edgeNodeId>/#");
			topic = null;
		}
		else if (topic != null) {
			String problem = topicFilterProblem(topic);
			if (problem != null) {
				f.reject("topic", problem);
				topic = null;
			}
		}
		Integer qos = f.integer("qos", DEFAULT_QOS, 0, 2);
		String valuePointer = f.string("valuePointer", false, 1000);
		String timestampPointer = f.string("timestampPointer", false, 1000);
		if (format == PayloadFormat.JSON) {
			if (valuePointer != null && !JSON_POINTER.matcher(valuePointer).matches()) {
				f.reject("valuePointer", "must be a JSON Pointer (RFC 6901) like /data/value");
				valuePointer = null;
			}
			if (timestampPointer != null && !JSON_POINTER.matcher(timestampPointer).matches()) {
				f.reject("timestampPointer", "must be a JSON Pointer (RFC 6901) like /data/time");
				timestampPointer = null;
			}
		}
		else if (format != null) {
			if (valuePointer != null) {
				f.reject("valuePointer", "applies only to payload format JSON");
			}
			if (timestampPointer != null) {
				f.reject("timestampPointer", "applies only to payload format JSON");
			}
		}
		if (format == PayloadFormat.BOOLEAN && dataType != null && dataType != DataType.BOOL) {
			f.reject("payloadFormat", "BOOLEAN payloads need data type BOOL");
		}
		String writeTopic = f.string("writeTopic", false, 1000);
		if (sparkplug && writeTopic != null) {
			f.reject("writeTopic", "is not set for SPARKPLUG_B: a write is an NCMD or DCMD of the metric");
			writeTopic = null;
		}
		else if (writeTopic != null && topicNameProblem(writeTopic) != null) {
			f.reject("writeTopic", topicNameProblem(writeTopic));
			writeTopic = null;
		}
		WriteAccess write = WriteAccess.read(f, dataType, null);
		if (write != null && write.writable() && writeTopic == null && !sparkplug) {
			if (!f.has("writeTopic")) {
				f.reject("writeTopic", "is required when the channel is writable");
			}
			write = null;
		}
		if (broker == null || (topic == null && metric == null) || qos == null || format == null || write == null) {
			return null;
		}
		return new MqttSettings(broker, clientId, username, password, topic, qos, format, valuePointer,
				timestampPointer, writeTopic, write, metric);
	}

	private static URI broker(String url) {
		try {
			URI uri = new URI(url);
			boolean scheme = "tcp".equals(uri.getScheme()) || "ssl".equals(uri.getScheme());
			boolean port = uri.getPort() == -1 || (uri.getPort() > 0 && uri.getPort() <= 65535);
			return (scheme && uri.getHost() != null && port) ? uri : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	/**
	 * MQTT 3.1.1 §4.7.1: {@code #} only alone as the last level, {@code +} only as a
	 * whole level.
	 */
	public static String topicFilterProblem(String topic) {
		if (topic.indexOf('\0') >= 0) {
			return "must not contain the null character";
		}
		if (topic.getBytes(StandardCharsets.UTF_8).length > 65535) {
			return "must be at most 65535 bytes";
		}
		String[] levels = topic.split("/", -1);
		for (int i = 0; i < levels.length; i++) {
			String level = levels[i];
			if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
				return "'#' must be a whole level and the last one, e.g. plant/line1/#";
			}
			if (level.contains("+") && !level.equals("+")) {
				return "'+' must be a whole level, e.g. plant/+/temp";
			}
		}
		return null;
	}

	/**
	 * MQTT 3.1.1 §4.7.3 and §3.3.2.1: a topic name of a PUBLISH holds no wildcards and is
	 * not empty.
	 */
	public static String topicNameProblem(String topic) {
		if (topic.isEmpty()) {
			return "must not be empty";
		}
		if (topic.indexOf('#') >= 0 || topic.indexOf('+') >= 0) {
			return "must be a topic name without the wildcards + and #";
		}
		return topicFilterProblem(topic);
	}

	public enum PayloadFormat {

		NUMBER, BOOLEAN, STRING, JSON,

		/**
		 * Eclipse Sparkplug B 3.0 (protobuf payloads with birth and death certificates):
		 * the channel reads one metric of an edge node or device.
		 */
		SPARKPLUG_B

	}

}
