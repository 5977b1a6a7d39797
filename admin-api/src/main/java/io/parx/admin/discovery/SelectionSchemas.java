package io.parx.admin.discovery;

import java.util.List;
import java.util.Map;

import io.parx.common.config.DataType;
import io.parx.common.config.channel.ByteOrder;
import io.parx.common.config.channel.RegisterType;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.DiscriminatorMapping;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/io/discovery/channels} as the OpenAPI document
 * describes it: one alternative per protocol, told apart by {@code protocol}, each with
 * its typed items. Documentation only: {@link ChannelSelection} reads the body field by
 * field.
 */
final class SelectionSchemas {

	private static final String CHANNEL = "Channel fields every item shares: description, unit, scale, offset, "
			+ "pollIntervalMs, enabled, collector, tags (not name, dataType, protocol, settings)";

	private SelectionSchemas() {
	}

	@Schema(name = "ChannelSelection", description = "Discovered items to become channels, of one protocol",
			oneOf = { OpcUa.class, Mqtt.class, Modbus.class }, discriminatorProperty = "protocol",
			discriminatorMapping = { @DiscriminatorMapping(value = "OPCUA", schema = OpcUa.class),
					@DiscriminatorMapping(value = "MQTT", schema = Mqtt.class),
					@DiscriminatorMapping(value = "MODBUS_TCP", schema = Modbus.class) })
	interface Selection {

	}

	@Schema(name = "OpcUaChannelSelection", requiredProperties = { "protocol", "settings", "items" })
	record OpcUa(@Schema(allowableValues = "OPCUA") String protocol,
			@Schema(description = "The OPC UA channel settings every item shares (endpointUrl, security, identity, "
					+ "samplingIntervalMs, deadband, write settings); not nodeId") Map<String, Object> settings,
			@Schema(description = CHANNEL) Map<String, Object> channel,
			@ArraySchema(minItems = 1, maxItems = ChannelSelection.MAX_ITEMS) List<SelectedNode> items)
			implements
				Selection {

	}

	@Schema(name = "MqttChannelSelection", requiredProperties = { "protocol", "settings", "items" })
	record Mqtt(@Schema(allowableValues = "MQTT") String protocol,
			@Schema(description = "The MQTT channel settings every item shares (brokerUrl, clientId, username, "
					+ "password, qos, write settings, timestampPointer, writeTopic); not topic, payloadFormat, "
					+ "valuePointer, groupId, edgeNodeId, deviceId, metricName (an empty one is ignored)") Map<String, Object> settings,
			@Schema(description = CHANNEL) Map<String, Object> channel,
			@ArraySchema(minItems = 1, maxItems = ChannelSelection.MAX_ITEMS, schema = @Schema(oneOf = {
					SelectedTopic.class, SelectedMetric.class })) List<Object> items)
			implements
				Selection{

	}

	@Schema(name = "ModbusChannelSelection", requiredProperties = { "protocol", "settings", "items" })
	record Modbus(@Schema(allowableValues = "MODBUS_TCP") String protocol,
			@Schema(description = "The Modbus channel settings every item shares (host, port, unitId, timeoutMs, "
					+ "maxRegistersPerRequest, maxGap, write settings); not registerType, address, byteOrder, "
					+ "wordOrder, stringLength") Map<String, Object> settings,
			@Schema(description = CHANNEL) Map<String, Object> channel,
			@ArraySchema(minItems = 1, maxItems = ChannelSelection.MAX_ITEMS) List<SelectedRegister> items)
			implements
				Selection {

	}

	@Schema(name = "SelectedOpcUaNode",
			description = "A node as browse or search listed it (other fields of the listing are accepted and "
					+ "ignored)",
			requiredProperties = { "nodeId" })
	record SelectedNode(@Schema(maxLength = 4200) String nodeId,
			@Schema(description = "The channel's name; default: path, else browseName, made valid and unique",
					maxLength = 200) String name,
			String path, String browseName,
			@Schema(description = "The server's type; gives the channel data type when channelDataType is absent",
					maxLength = 200) String dataType,
			DataType channelDataType) {

	}

	@Schema(name = "SelectedMqttTopic",
			description = "A topic as the MQTT discovery listed it, for JSON with one leaf's pointer (other fields of "
					+ "MqttTopicSeen and MqttJsonLeaf are accepted and ignored)",
			requiredProperties = { "topic", "payloadFormat" })
	record SelectedTopic(@Schema(description = "A topic name, no wildcards", maxLength = 1000) String topic,
			@Schema(allowableValues = {
					"NUMBER", "BOOLEAN", "STRING", "JSON" }) String payloadFormat,
			@Schema(description = "JSON only: the leaf's JSON Pointer (RFC 6901); the whole document when absent",
					maxLength = 1000) String valuePointer,
			@Schema(description = "JSON only: a JSON Pointer to the source timestamp",
					maxLength = 1000) String timestampPointer,
			@Schema(description = "Where writes go when the shared settings make the channel writable",
					maxLength = 1000) String writeTopic,
			@Schema(description = "Required for NUMBER and JSON; BOOLEAN is BOOL, STRING is STRING when absent") DataType channelDataType,
			@Schema(description = "The channel's name; default: topic and valuePointer, made valid and unique",
					maxLength = 200) String name){

	}

	@Schema(name = "SelectedSparkplugMetric",
			description = "A metric as the Sparkplug B discovery listed it, with its group, edge node and device "
					+ "(other fields of SparkplugMetricSeen are accepted and ignored)",
			requiredProperties = { "payloadFormat", "groupId", "edgeNodeId", "metricName" })
	record SelectedMetric(@Schema(allowableValues = "SPARKPLUG_B") String payloadFormat,
			@Schema(maxLength = 200) String groupId, @Schema(maxLength = 200) String edgeNodeId,
			@Schema(description = "Absent for a metric of the edge node itself", maxLength = 200) String deviceId,
			@Schema(maxLength = 1000) String metricName,
			@Schema(description = "The metric's channel data type as the discovery listed it; used when "
					+ "channelDataType is absent") DataType dataType,
			@Schema(description = "The channel data type; required when dataType is absent") DataType channelDataType,
			@Schema(description = "The channel's name; default: edgeNodeId[/deviceId]/metricName, made valid and "
					+ "unique", maxLength = 200) String name) {

	}

	@Schema(name = "SelectedModbusRegister",
			description = "A register or bit as the Modbus discovery listed it, with the reading chosen among its "
					+ "values (other fields of ModbusRegister and ModbusBit are accepted and ignored)",
			requiredProperties = { "registerType", "address" })
	record SelectedRegister(RegisterType registerType,
			@Schema(description = "0-based", minimum = "0", maximum = "65535") Integer address,
			@Schema(description = "Required for registers; coils and discrete inputs are BOOL when absent") DataType channelDataType,
			@Schema(description = "The protocol's default (ABCD) when absent") ByteOrder byteOrder, ByteOrder wordOrder,
			@Schema(description = "Registers of a STRING channel; required for STRING", minimum = "1",
					maximum = "125") Integer stringLength,
			@Schema(description = "The channel's name; default: host and Modicon reference (plc1 400001), made "
					+ "valid and unique", maxLength = 200) String name) {

	}

}
