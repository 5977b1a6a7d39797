package io.parx.admin.system;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.parx.common.config.channel.ByteOrder;
import io.parx.common.config.channel.ModbusAddress;
import io.parx.common.config.channel.ModbusTcpSettings;
import io.parx.common.config.channel.MqttSettings;
import io.parx.common.config.channel.OpcUaSettings;
import io.parx.common.config.channel.RegisterType;
import io.parx.common.config.channel.SimulatorSettings;
import io.parx.common.config.channel.SparkplugMetric;
import io.parx.common.config.rule.StorageBackend;
import io.parx.common.config.rule.StorageMode;

/**
 * The {@code settings} of a channel (by protocol) and of a storage rule (by mode and by
 * backend) as {@code oneOf} schemas, so that clients generate types and forms from the
 * OpenAPI document. The defaults, limits and choices come from the contract types in
 * {@code common} that validate the requests; {@code OpenApiSchemaTests} holds the stored
 * documents against these schemas. A default the service applies (the collector's Modbus
 * timeout, the storage engine's file naming) is no {@code default}: the field is absent
 * and its description says who decides.
 */
public final class SettingsSchemas implements OpenApiCustomizer {

	/** The channel settings, one alternative a protocol. */
	public static final String CHANNEL_SETTINGS = "#/components/schemas/ChannelSettings";

	/** The storage rule settings, one alternative a mode. */
	public static final String MODE_SETTINGS = "#/components/schemas/StorageModeSettings";

	/** The storage rule backend settings, one alternative a backend. */
	public static final String BACKEND_SETTINGS = "#/components/schemas/StorageBackendSettings";

	@Override
	public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
		Components components = openApi.getComponents();
		oneOf(components, "ChannelSettings", "The protocol's settings; the channel's protocol says which", modbusTcp(),
				opcUa(), mqtt(), simulator());
		oneOf(components, "StorageModeSettings", "The settings of the rule's mode", continuous(), change(), event(),
				trigger());
		oneOf(components, "StorageBackendSettings", "The settings of the rule's backend", timescale(), file());
	}

	private static Alternative modbusTcp() {
		return new Alternative("ModbusTcpSettings", "MODBUS_TCP")
			.add("host", text(253, "Host name or IP address of the device"), true)
			.add("port", integer(1, 65535).description("TCP port")._default(ModbusTcpSettings.DEFAULT_PORT), false)
			.add("unitId", integer(0, 255).description("Modbus unit id")._default(ModbusTcpSettings.DEFAULT_UNIT_ID),
					false)
			.add("registerType", choice(RegisterType.values(), "Data table; COIL and DISCRETE_INPUT need BOOL"), true)
			.add("address",
					integer(0, ModbusAddress.MAX_ADDRESS)
						.description("0-based PDU address: holding register 0 is 400001"),
					true)
			.add("byteOrder",
					choice(ByteOrder.values(), "Byte order of the value")
						._default(ModbusTcpSettings.DEFAULT_BYTE_ORDER.name()),
					false)
			.add("wordOrder", choice(ByteOrder.values(), "Register order; absent: the one byteOrder implies"), false)
			.add("stringLength",
					integer(1, ModbusTcpSettings.MAX_STRING_LENGTH).description("Registers; data type STRING only"),
					false)
			.add("timeoutMs",
					integer(1, ModbusTcpSettings.MAX_TIMEOUT_MS).description(
							"Response timeout; absent: the collector's parx.collector.modbus.timeout (1 s)"),
					false)
			.add("maxRegistersPerRequest",
					integer(1, RegisterType.COIL.maxPerRequest()).description("Largest read; absent: the table's "
							+ "limit (" + RegisterType.HOLDING_REGISTER.maxPerRequest() + " registers or "
							+ RegisterType.COIL.maxPerRequest() + " bits)"),
					false)
			.add("maxGap",
					integer(0, 125)
						.description("Unused registers a read may span to serve two channels; absent: the collector's "
								+ "parx.collector.modbus.max-gap (10)"),
					false)
			.writeAccess("HOLDING_REGISTER (function codes 6 and 16) and COIL (5) only; not STRING");
	}

	private static Alternative opcUa() {
		return new Alternative("OpcUaSettings", "OPCUA")
			.add("endpointUrl", text(2000, "opc.tcp://host:port/path"), true)
			.add("nodeId", text(4200, "ns=2;s=Line1.Temp, i=85, ns=1;g=<guid> or ns=1;b=<base64>"), true)
			.add("securityPolicy",
					choice(OpcUaSettings.SecurityPolicy.values(), "")
						._default(OpcUaSettings.SecurityPolicy.None.name()),
					false)
			.add("securityMode", choice(OpcUaSettings.SecurityMode.values(),
					"None exactly when securityPolicy is None; absent: None under policy None, else SignAndEncrypt"),
					false)
			.add("authentication",
					choice(OpcUaSettings.Authentication.values(), "USERNAME needs username and password")
						._default(OpcUaSettings.Authentication.ANONYMOUS.name()),
					false)
			.add("username", text(200, "USERNAME authentication only"), false)
			.secrets()
			.add("samplingIntervalMs",
					integer(0, OpcUaSettings.MAX_SAMPLING_MS)
						.description("Server sampling interval; absent: the channel's pollIntervalMs"),
					false)
			.add("deadband", number(0).description("Absolute data-change deadband")._default(0), false)
			.writeAccess("Write service; the node must allow it");
	}

	private static Alternative mqtt() {
		return new Alternative("MqttSettings", "MQTT")
			.add("brokerUrl", text(2000, "tcp://host:1883 or ssl://host:8883"), true)
			.add("clientId", text(256, "Absent: derived from the installation, the collector, the broker and the user"),
					false)
			.add("username", text(200, ""), false)
			.secrets()
			.add("topic",
					text(1000,
							"Topic filter; + and # as whole levels; required but for SPARKPLUG_B, which "
									+ "subscribes to spBv1.0/<groupId>/+/<edgeNodeId>/#"),
					false)
			.add("qos", integer(0, 2)._default(MqttSettings.DEFAULT_QOS), false)
			.add("payloadFormat",
					choice(MqttSettings.PayloadFormat.values(),
							"SPARKPLUG_B: Eclipse Sparkplug B 3.0, one metric of an edge node or device")
						._default(MqttSettings.DEFAULT_PAYLOAD_FORMAT.name()),
					false)
			.add("groupId",
					text(SparkplugMetric.MAX_ID_LENGTH,
							"SPARKPLUG_B only (required): the Sparkplug group id; one topic level, without / + #"),
					false)
			.add("edgeNodeId", text(SparkplugMetric.MAX_ID_LENGTH, "SPARKPLUG_B only (required): the edge node id"),
					false)
			.add("deviceId",
					text(SparkplugMetric.MAX_ID_LENGTH,
							"SPARKPLUG_B only: the device behind the edge node (DBIRTH/DDATA); absent: a metric of "
									+ "the edge node itself (NBIRTH/NDATA)"),
					false)
			.add("metricName", text(SparkplugMetric.MAX_METRIC_NAME_LENGTH,
					"SPARKPLUG_B only (required): the metric's name as its birth gives it; data by alias is resolved"),
					false)
			.add("valuePointer", text(1000, "JSON only: RFC 6901 pointer to the value; absent: the whole document"),
					false)
			.add("timestampPointer", text(1000, "JSON only: RFC 6901 pointer to the source time"), false)
			.add("writeTopic",
					text(1000,
							"Topic name (no wildcards) a write publishes the value to, in the "
									+ "payloadFormat (JSON: at valuePointer) and at the qos; required when writable, "
									+ "but for SPARKPLUG_B"),
					false)
			.writeAccess("A write publishes to writeTopic; for SPARKPLUG_B an NCMD (DCMD with deviceId) "
					+ "of the metric, typed by the channel's data type");
	}

	private static Alternative simulator() {
		return new Alternative("SimulatorSettings", "SIMULATOR")
			.add("waveform",
					choice(SimulatorSettings.Waveform.values(), "")._default(SimulatorSettings.DEFAULT_WAVEFORM.name()),
					false)
			.add("amplitude", number(0)._default(SimulatorSettings.DEFAULT_AMPLITUDE), false)
			.add("periodMs", integer(1, 86_400_000)._default(SimulatorSettings.DEFAULT_PERIOD_MS), false)
			.add("offset", new Schema<>().types(Set.of("number"))._default(SimulatorSettings.DEFAULT_OFFSET), false);
	}

	private static Alternative continuous() {
		return new Alternative("ContinuousSettings", "CONTINUOUS").add("intervalMs",
				longInteger(0, StorageMode.MAX_INTERVAL_MS)
					.description("Store the last sample of each interval; 0: every sample")
					._default(0),
				false);
	}

	private static Alternative change() {
		return new Alternative("ChangeSettings", "CHANGE")
			.add("deadband", number(0).description("PERCENT: at most 100")._default(0), false)
			.add("deadbandType",
					choice(StorageMode.DeadbandType.values(), "")._default(StorageMode.DeadbandType.ABSOLUTE.name()),
					false)
			.add("maxIntervalMs",
					longInteger(0, StorageMode.MAX_INTERVAL_MS).description("Store at least this often; 0: no minimum")
						._default(0),
					false);
	}

	private static Alternative event() {
		return new Alternative("EventSettings", "EVENT")
			.add("conditionChannelId", longInteger(1, Long.MAX_VALUE).description("The channel whose edge stores"),
					true)
			.add("edge", choice(StorageMode.Edge.values(), "")._default(StorageMode.Edge.RISING.name()), false);
	}

	private static Alternative trigger() {
		return new Alternative("TriggerSettings", "TRIGGER")
			.add("formula", text(10_000, "Condition in the formula language (docs/FORMULAS.md)"), true)
			.add("store",
					choice(StorageMode.TriggerStore.values(), "")._default(StorageMode.TriggerStore.WHILE_TRUE.name()),
					false);
	}

	private static Alternative timescale() {
		return new Alternative("TimescaleBackendSettings", "TIMESCALE");
	}

	private static Alternative file() {
		return new Alternative("FileBackendSettings", "FILE")
			.add("directory", text(500, "Relative, without '..': it lives under the CSV base directory"), true)
			.add("naming",
					text(200,
							"File name template with " + String.join(" ", sorted(StorageBackend.File.PLACEHOLDERS))
									+ " (UTC); absent: the storage engine's parx.storage.file.default-naming"),
					false)
			.add("rotateEveryMs",
					longInteger(0, StorageMode.MAX_INTERVAL_MS)
						.description("0: by date only, else at least " + StorageBackend.File.MIN_ROTATE_EVERY_MS)
						._default(0),
					false)
			.add("rotateSizeBytes",
					longInteger(0, Long.MAX_VALUE)
						.description("0: no limit, else at least " + StorageBackend.File.MIN_ROTATE_SIZE_BYTES)
						._default(0),
					false);
	}

	private static void oneOf(Components components, String name, String description, Alternative... alternatives) {
		List<Schema> refs = new ArrayList<>();
		for (Alternative alternative : alternatives) {
			components.addSchemas(alternative.name, alternative.schema);
			refs.add(new Schema<>().$ref("#/components/schemas/" + alternative.name));
		}
		components.addSchemas(name, new Schema<>().description(description).oneOf(refs));
	}

	private static List<String> sorted(Set<String> values) {
		return values.stream().sorted().toList();
	}

	private static Schema<Object> text(int maxLength, String description) {
		Schema<Object> schema = new Schema<>().types(Set.of("string")).maxLength(maxLength);
		return description.isEmpty() ? schema : schema.description(description);
	}

	private static Schema<Object> integer(long min, long max) {
		return new Schema<>().types(Set.of("integer"))
			.format("int32")
			.minimum(BigDecimal.valueOf(min))
			.maximum(BigDecimal.valueOf(max));
	}

	private static Schema<Object> longInteger(long min, long max) {
		return new Schema<>().types(Set.of("integer"))
			.format("int64")
			.minimum(BigDecimal.valueOf(min))
			.maximum(BigDecimal.valueOf(max));
	}

	private static Schema<Object> number(double min) {
		return new Schema<>().types(Set.of("number")).minimum(BigDecimal.valueOf(min));
	}

	private static Schema<Object> choice(Enum<?>[] values, String description) {
		Schema<Object> schema = new Schema<>().types(Set.of("string"));
		Arrays.stream(values).forEach((value) -> schema.addEnumItemObject(value.name()));
		return description.isEmpty() ? schema : schema.description(description);
	}

	/** One alternative of a {@code oneOf}: a closed object. */
	private static final class Alternative {

		private final String name;

		private final Schema<Object> schema;

		private final Map<String, Schema> properties = new LinkedHashMap<>();

		private final List<String> required = new ArrayList<>();

		Alternative(String name, String wireName) {
			this.name = name;
			this.schema = new Schema<>().types(Set.of("object"))
				.description("Settings of " + wireName)
				.properties(this.properties)
				.additionalProperties(false);
		}

		Alternative add(String property, Schema<?> schema, boolean required) {
			this.properties.put(property, schema);
			if (required) {
				this.required.add(property);
				this.schema.required(this.required);
			}
			return this;
		}

		/**
		 * The write contract of every writable protocol
		 * ({@link io.parx.common.config.channel.WriteAccess}).
		 */
		Alternative writeAccess(String protocolNote) {
			Schema<Object> bool = new Schema<>().types(Set.of("boolean"));
			return add("writable",
					new Schema<>().types(Set.of("boolean"))
						.description("Whether ENGINEER and ADMIN may write a value to the device (POST "
								+ "/api/v1/io/channels/{id}/write). " + protocolNote)
						._default(false),
					false)
				.add("operatorWritable",
						bool.description("Whether OPERATOR may write it too; needs writable")._default(false), false)
				.add("writeMin",
						new Schema<>().types(Set.of("number"))
							.description("Smallest value a write may send (engineering units); numeric data types "
									+ "only; absent: no limit"),
						false)
				.add("writeMax", new Schema<>().types(Set.of("number"))
					.description("Largest value a write may send; at least writeMin; absent: no limit"), false);
		}

		/** A password the API takes but never returns, and whether one is stored. */
		Alternative secrets() {
			return add("password",
					text(1000, "Never returned; on an update absent keeps the stored one, \"\" clears it")
						.writeOnly(true),
					false)
				.add("passwordSet",
						new Schema<>().types(Set.of("boolean"))
							.description("Whether a password is stored")
							.readOnly(true),
						false);
		}

	}

}
