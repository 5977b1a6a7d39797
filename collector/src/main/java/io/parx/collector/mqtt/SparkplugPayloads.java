package io.parx.collector.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import org.eclipse.tahu.SparkplugInvalidTypeException;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.Metric.MetricBuilder;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.eclipse.tahu.message.model.SparkplugBPayload.SparkplugBPayloadBuilder;
import org.eclipse.tahu.model.MetricDataTypeMap;

import io.parx.collector.engine.ChannelConfig;
import io.parx.collector.mqtt.MqttPayloadParser.PayloadException;
import io.parx.collector.mqtt.MqttPayloadParser.Reading;
import io.parx.common.config.DataType;
import io.parx.common.config.channel.SparkplugMetric;

/**
 * Sparkplug B payloads through Eclipse Tahu's own protobuf model (decoder, encoder,
 * metric types): what the engine reads from edge nodes and what it sends them.
 */
final class SparkplugPayloads {

	/** The metric of a rebirth request (Sparkplug 3.0 §6.4.6, NCMD). */
	static final String REBIRTH = "Node Control/Rebirth";

	/** The NBIRTH/NDEATH metric that pairs a death with its birth (§6.4.2). */
	static final String BD_SEQ = "bdSeq";

	private static final SparkplugBPayloadDecoder DECODER = new SparkplugBPayloadDecoder();

	private static final SparkplugBPayloadEncoder ENCODER = new SparkplugBPayloadEncoder();

	private SparkplugPayloads() {
	}

	/**
	 * Decodes a payload.
	 * @param types the data types by name and alias from the births, for data messages
	 * whose metrics leave the type out; {@code null} for births, which carry them
	 * @throws PayloadException when Tahu cannot decode it
	 */
	static SparkplugBPayload decode(byte[] bytes, MetricDataTypeMap types) {
		if (bytes.length > MqttPayloadParser.MAX_PAYLOAD_BYTES * 16) {
			throw new PayloadException("Sparkplug B payload of " + bytes.length + " bytes is too large");
		}
		try {
			return DECODER.buildFromByteArray(bytes, types);
		}
		catch (Exception ex) {
			// Tahu throws plain Exception (and NPE for an alias without a known type)
			throw new PayloadException("not a Sparkplug B payload Tahu can decode: " + ex);
		}
	}

	/** The {@code bdSeq} of an NBIRTH or NDEATH, if it carries one. */
	static Long bdSeq(SparkplugBPayload payload) {
		for (Metric metric : payload.getMetrics()) {
			if (metric != null && BD_SEQ.equals(metric.getName()) && metric.getValue() instanceof Number number) {
				return number.longValue();
			}
		}
		return null;
	}

	/** The NCMD that asks an edge node to send its births again. */
	static byte[] rebirthRequest() {
		return command(metric(REBIRTH, MetricDataType.Boolean, true));
	}

	/** The NCMD or DCMD that writes a value to a metric, typed by the channel. */
	static byte[] write(ChannelConfig channel, SparkplugMetric target, Object raw) {
		return command(switch (channel.dataType()) {
			case BOOL -> metric(target.metricName(), MetricDataType.Boolean, raw);
			case STRING -> metric(target.metricName(), MetricDataType.String, raw);
			case INT16 -> metric(target.metricName(), MetricDataType.Int16, ((Number) raw).shortValue());
			case UINT16,
					INT32 ->
				metric(target.metricName(),
						(channel.dataType() == DataType.INT32) ? MetricDataType.Int32 : MetricDataType.UInt16,
						((Number) raw).intValue());
			case UINT32 -> metric(target.metricName(), MetricDataType.UInt32, ((Number) raw).longValue());
			case INT64 -> metric(target.metricName(), MetricDataType.Int64, ((Number) raw).longValue());
			case FLOAT32 -> metric(target.metricName(), MetricDataType.Float, ((Number) raw).floatValue());
			case FLOAT64 -> metric(target.metricName(), MetricDataType.Double, ((Number) raw).doubleValue());
		});
	}

	/** The topic of a command to the edge node or, with a device id, to the device. */
	static String commandTopic(SparkplugMetric target) {
		return (target.deviceId() == null)
				? SparkplugMetric.NAMESPACE + "/" + target.groupId() + "/NCMD/" + target.edgeNodeId()
				: SparkplugMetric.NAMESPACE + "/" + target.groupId() + "/DCMD/" + target.edgeNodeId() + "/"
						+ target.deviceId();
	}

	/**
	 * A metric's value as the payload parser's converter takes it: a Boolean, Double or
	 * String.
	 * @throws PayloadException for the types a channel cannot hold (arrays, data sets,
	 * templates, bytes, files)
	 */
	static Object raw(Metric metric) {
		Object value = metric.getValue();
		return switch (value) {
			case Boolean b -> b;
			case Number n -> n.doubleValue();
			case String s -> s;
			case Date d -> (double) d.getTime();
			default -> throw new PayloadException("metric " + metric.getName() + " of type " + metric.getDataType()
					+ " has no value a channel can hold");
		};
	}

	/**
	 * The channel's reading in a birth or data message that names its metric, for the
	 * channel test (a temporary client knows no aliases).
	 * @return the reading, or {@code null} when the message does not name the metric
	 * @throws PayloadException when the metric's value does not fit the channel
	 */
	static Reading reading(MqttChannel channel, Mqtt5Publish publish, Instant receivedAt) {
		List<String> levels = publish.getTopic().getLevels();
		SparkplugMetric target = channel.sparkplug();
		String type = (levels.size() > 2) ? levels.get(2) : "";
		String deviceId = (levels.size() > 4) ? levels.get(4) : null;
		boolean node = target.deviceId() == null;
		if (!Objects.equals(deviceId, target.deviceId())
				|| !(node ? Set.of("NBIRTH", "NDATA") : Set.of("DBIRTH", "DDATA")).contains(type)) {
			return null;
		}
		SparkplugBPayload payload;
		try {
			payload = decode(publish.getPayloadAsBytes(), null);
		}
		catch (PayloadException ex) {
			return null;
		}
		for (Metric metric : payload.getMetrics()) {
			if (metric != null && target.metricName().equals(metric.getName()) && metric.getValue() != null) {
				Date time = (metric.getTimestamp() != null) ? metric.getTimestamp() : payload.getTimestamp();
				return new Reading(MqttPayloadParser.convert(channel.config(), raw(metric)),
						(time != null) ? time.toInstant() : receivedAt);
			}
		}
		return null;
	}

	private static Metric metric(String name, MetricDataType type, Object value) {
		try {
			return new MetricBuilder(name, type, value).timestamp(new Date()).createMetric();
		}
		catch (SparkplugInvalidTypeException ex) {
			throw new IllegalArgumentException("value " + value + " does not fit Sparkplug type " + type, ex);
		}
	}

	private static byte[] command(Metric metric) {
		SparkplugBPayload payload = new SparkplugBPayloadBuilder().setTimestamp(new Date())
			.addMetric(metric)
			.createPayload();
		try {
			return ENCODER.getBytes(payload, false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
