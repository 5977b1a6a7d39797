package io.parx.common.config.channel;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parx.common.config.DataType;
import io.parx.common.config.FieldProblem;
import io.parx.common.config.InvalidSettingsException;
import io.parx.common.config.SettingsReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ChannelSettingsTests {

	@Test
	void theStoredDocumentOfEveryProtocolReadsAsTheRequestItWasWrittenFrom() {
		// the admin-api validates the request and stores toMap(); the collector reads the
		// stored map: both must end with the same value, defaults included
		for (ApiSavedChannels.Entry entry : ApiSavedChannels.all()) {
			ChannelSettings fromRequest = ChannelSettings.fromJson(entry.protocol(), entry.dataType(), entry.sent());
			assertThat(ApiSavedChannels.asJson(fromRequest.toMap())).as(entry.protocol().name())
				.isEqualTo(entry.stored());
			assertThat(ChannelSettings.fromJson(entry.protocol(), entry.dataType(), entry.stored()))
				.as(entry.protocol().name())
				.isEqualTo(fromRequest);
		}
	}

	@Test
	void modbusFieldsWithACollectorSettingStayUnsetUnlessTheUserSetsThem() {
		// parx.collector.modbus.timeout and max-gap apply only to channels without a
		// value
		ModbusTcpSettings unset = ModbusTcpSettings.fromJson(modbus(), DataType.INT16);
		assertThat(unset.timeoutMs()).isNull();
		assertThat(unset.maxGap()).isNull();
		assertThat(unset.maxRegistersPerRequest()).isNull();
		assertThat(unset.toMap()).doesNotContainKeys("timeoutMs", "maxGap", "maxRegistersPerRequest", "wordOrder");

		Map<String, Object> set = modbus();
		set.put("timeoutMs", 3000);
		set.put("maxGap", 40);
		ModbusTcpSettings own = ModbusTcpSettings.fromJson(set, DataType.INT16);
		assertThat(own.toMap()).containsEntry("timeoutMs", 3000).containsEntry("maxGap", 40);
	}

	@Test
	void theWordOrderFollowsTheByteOrderUnlessSet() {
		Map<String, Object> dcba = modbus();
		dcba.put("byteOrder", "DCBA");
		assertThat(ModbusTcpSettings.fromJson(dcba, DataType.FLOAT32).swapWords()).isTrue();
		dcba.put("wordOrder", "ABCD");
		assertThat(ModbusTcpSettings.fromJson(dcba, DataType.FLOAT32).swapWords()).isFalse();
	}

	@Test
	void coilsMayBeReadUpTo2000AtATimeRegistersUpTo125() {
		// Modbus Application Protocol §6.1 (2000 coils) and §6.3 (125 registers)
		Map<String, Object> coil = modbus();
		coil.put("registerType", "COIL");
		coil.put("maxRegistersPerRequest", 2000);
		assertThat(ModbusTcpSettings.fromJson(coil, DataType.BOOL).maxRegistersPerRequest()).isEqualTo(2000);
		Map<String, Object> register = modbus();
		register.put("maxRegistersPerRequest", 126);
		assertThat(problems(Protocol.MODBUS_TCP, DataType.INT16, register))
			.containsExactly(new FieldProblem("maxRegistersPerRequest", "must be between 1 and 125"));
	}

	@Test
	void aDocumentThatBreaksTheContractNamesEveryBadField() {
		Map<String, Object> bad = modbus();
		bad.put("port", 70000);
		bad.put("timeoutMs", 0);
		bad.put("speed", 9600);
		InvalidSettingsException ex = catchThrowableOfType(InvalidSettingsException.class,
				() -> ModbusTcpSettings.fromJson(bad, DataType.INT16));
		assertThat(ex.problems()).extracting(FieldProblem::field).containsExactly("port", "timeoutMs", "speed");
		assertThat(ex).hasMessageContaining("port must be between 1 and 65535");
	}

	@Test
	void problemsCarryThePrefixOfThePartOfTheRequestTheyCameFrom() {
		SettingsReader reader = new SettingsReader(Map.of("qos", 3, "brokerUrl", "tcp://b:1883", "topic", "a"),
				"settings.", new java.util.ArrayList<>());
		assertThat(ChannelSettings.read(Protocol.MQTT, DataType.FLOAT64, reader)).isNull();
		assertThat(reader.problems()).containsExactly(new FieldProblem("settings.qos", "must be between 0 and 2"));
	}

	@Test
	void theRecordsCannotBeBuiltInvalid() {
		ModbusAddress address = new ModbusAddress(RegisterType.HOLDING_REGISTER, 0, 1);
		assertThatIllegalArgumentException().isThrownBy(() -> new ModbusTcpSettings("bad host!", 502, 1, address,
				ByteOrder.ABCD, null, null, null, null, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ModbusTcpSettings("plc", 502, 1, address, ByteOrder.ABCD, null, null, 0, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new OpcUaSettings(URI.create("opc.tcp://h:4840"),
				NodeId.parse("i=85"), OpcUaSettings.SecurityPolicy.Basic256Sha256, OpcUaSettings.SecurityMode.None,
				OpcUaSettings.Authentication.ANONYMOUS, null, null, null, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new MqttSettings(URI.create("http://b"), null, null, null,
				"a", 1, MqttSettings.PayloadFormat.NUMBER, null, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SimulatorSettings(SimulatorSettings.Waveform.SINE, 1, 0, 0));
	}

	@Test
	void aSecuredOpcUaPolicyWithoutAModeSignsAndEncrypts() {
		OpcUaSettings settings = OpcUaSettings
			.fromJson(Map.of("endpointUrl", "opc.tcp://h:4840", "nodeId", "i=85", "securityPolicy", "Basic256Sha256"));
		assertThat(settings.securityMode()).isEqualTo(OpcUaSettings.SecurityMode.SignAndEncrypt);
		assertThat(settings.samplingIntervalMs()).isNull();
	}

	@Test
	void anMqttBrokerWithoutAPortUsesTheMqttPorts() {
		// IANA: 1883 for MQTT, 8883 for MQTT over TLS
		MqttSettings plain = MqttSettings.fromJson(Map.of("brokerUrl", "tcp://b", "topic", "a"), DataType.FLOAT64);
		MqttSettings tls = MqttSettings.fromJson(Map.of("brokerUrl", "ssl://b", "topic", "a"), DataType.FLOAT64);
		assertThat(plain.brokerPort()).isEqualTo(1883);
		assertThat(plain.tls()).isFalse();
		assertThat(tls.brokerPort()).isEqualTo(8883);
		assertThat(tls.tls()).isTrue();
	}

	@Test
	void aSparkplugChannelNamesItsMetricAndSubscribesToItsEdgeNode() {
		// Sparkplug 3.0 §4.1: spBv1.0/<group>/<type>/<edge node>[/<device>]; one filter
		// per edge node covers births, data and deaths of the node and its devices
		Map<String, Object> sent = sparkplug();
		sent.put("deviceId", "press-3");
		MqttSettings settings = MqttSettings.fromJson(sent, DataType.FLOAT64);
		assertThat(settings.sparkplug()).isEqualTo(new SparkplugMetric("plant", "gw-1", "press-3", "Line1/Temp"));
		assertThat(settings.topic()).isEqualTo("spBv1.0/plant/+/gw-1/#");
		assertThat(settings.toMap()).doesNotContainKey("topic")
			.containsEntry("groupId", "plant")
			.containsEntry("deviceId", "press-3")
			.containsEntry("metricName", "Line1/Temp");
		assertThat(MqttSettings.fromJson(settings.toMap(), DataType.FLOAT64)).isEqualTo(settings);
	}

	@Test
	void sparkplugFieldsAreRequiredForSparkplugAndRefusedForTheOtherFormats() {
		Map<String, Object> missing = sparkplug();
		missing.remove("edgeNodeId");
		missing.put("groupId", "a/b");
		missing.put("topic", "x");
		missing.put("writeTopic", "x/set");
		assertThat(problems(Protocol.MQTT, DataType.FLOAT64, missing)).extracting(FieldProblem::field)
			.containsExactlyInAnyOrder("groupId", "edgeNodeId", "topic", "writeTopic");
		Map<String, Object> json = new LinkedHashMap<>(
				Map.of("brokerUrl", "tcp://b", "topic", "a", "payloadFormat", "JSON", "metricName", "Temp"));
		assertThat(problems(Protocol.MQTT, DataType.FLOAT64, json))
			.containsExactly(new FieldProblem("metricName", "applies only to payload format SPARKPLUG_B"));
		assertThatIllegalArgumentException().isThrownBy(() -> new MqttSettings(URI.create("tcp://b"), null, null, null,
				null, 1, MqttSettings.PayloadFormat.SPARKPLUG_B, null, null, null, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new SparkplugMetric("g", "e+", null, "m"));
	}

	@Test
	void aWritableSparkplugChannelNeedsNoWriteTopic() {
		// the write is an NCMD or DCMD on the edge node's own topic (Sparkplug 3.0 §4.1)
		Map<String, Object> sent = sparkplug();
		sent.put("writable", true);
		assertThat(MqttSettings.fromJson(sent, DataType.FLOAT64).write().writable()).isTrue();
	}

	private static Map<String, Object> sparkplug() {
		return new LinkedHashMap<>(Map.of("brokerUrl", "tcp://b", "payloadFormat", "SPARKPLUG_B", "groupId", "plant",
				"edgeNodeId", "gw-1", "metricName", "Line1/Temp"));
	}

	@Test
	void passwordsNeverShowInTheDescription() {
		MqttSettings settings = MqttSettings.fromJson(
				Map.of("brokerUrl", "tcp://b", "topic", "a", "username", "bob", "password", "s3cret"),
				DataType.FLOAT64);
		assertThat(settings.toString()).doesNotContain("s3cret");
		assertThat(settings.toMap()).containsEntry("password", "s3cret");
	}

	private static List<FieldProblem> problems(Protocol protocol, DataType dataType, Map<String, Object> json) {
		SettingsReader reader = new SettingsReader(json);
		ChannelSettings.read(protocol, dataType, reader);
		return reader.problems();
	}

	private static Map<String, Object> modbus() {
		return new LinkedHashMap<>(Map.of("host", "plc", "registerType", "HOLDING_REGISTER", "address", 0));
	}

}
