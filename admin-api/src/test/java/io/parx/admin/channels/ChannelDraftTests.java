package io.parx.admin.channels;

import java.util.List;
import java.util.Map;

import io.parx.admin.request.Violations;
import io.parx.common.config.DataType;
import io.parx.common.config.channel.MqttSettings;
import io.parx.common.config.channel.Protocol;
import io.parx.common.problem.Problems.FieldError;
import org.junit.jupiter.api.Test;

import static io.parx.admin.channels.ChannelFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

/** Per-protocol validation: every bad field is named, not only the first. */
class ChannelDraftTests {

	@Test
	void acceptsAValidChannelOfEveryProtocol() {
		for (Map<String, Object> body : List.of(ChannelFixtures.modbus("a"), ChannelFixtures.opcua("b"),
				ChannelFixtures.mqtt("c"), ChannelFixtures.simulator("d"))) {
			assertThat(errors(body)).as(body.get("protocol").toString()).isEmpty();
		}
	}

	@Test
	void fillsDocumentedDefaultsForOmittedModbusSettingsButLeavesTheCollectorsOwnUnset() {
		// timeoutMs, maxGap and maxRegistersPerRequest have collector settings
		// (parx.collector.modbus.*): a stored value would hide them (issue #18)
		Map<String, Object> body = ChannelFixtures.channel("m", "INT16", "MODBUS_TCP",
				ChannelFixtures.map("host", "plc", "registerType", "INPUT_REGISTER", "address", 0));
		ChannelDraft draft = ChannelDraft.read(body, null);
		assertThat(draft.settings().toMap()).containsEntry("port", 502)
			.containsEntry("unitId", 1)
			.containsEntry("byteOrder", "ABCD")
			.doesNotContainKeys("timeoutMs", "maxGap", "maxRegistersPerRequest", "wordOrder");
	}

	@Test
	void namesEveryBadModbusField() {
		Map<String, Object> body = ChannelFixtures.modbus("m");
		settings(body).putAll(ChannelFixtures.map("host", "bad host!", "port", 70000, "unitId", -1, "registerType",
				"REGISTER", "address", "x", "byteOrder", "XYZW", "speed", 9600));
		assertThat(fields(body)).containsExactlyInAnyOrder("settings.host", "settings.port", "settings.unitId",
				"settings.registerType", "settings.address", "settings.byteOrder", "settings.speed");
	}

	@Test
	void rejectsACoilWhoseDataTypeIsNotBool() {
		// coils and discrete inputs are single bits (Modbus Application Protocol §4.3)
		Map<String, Object> body = ChannelFixtures.modbus("m");
		settings(body).put("registerType", "COIL");
		assertThat(fields(body)).containsExactly("settings.registerType");
	}

	@Test
	void requiresAStringLengthForModbusStrings() {
		Map<String, Object> body = ChannelFixtures.modbus("m");
		body.put("dataType", "STRING");
		assertThat(fields(body)).containsExactly("settings.stringLength");
	}

	@Test
	void rejectsAFloat64ThatRunsPastTheLastRegister() {
		Map<String, Object> body = ChannelFixtures.modbus("m");
		body.put("dataType", "FLOAT64");
		settings(body).put("address", 65533);
		assertThat(fields(body)).containsExactly("settings.address");
	}

	@Test
	void namesEveryBadOpcUaField() {
		Map<String, Object> body = ChannelFixtures.opcua("o");
		settings(body).putAll(ChannelFixtures.map("endpointUrl", "http://plc1", "nodeId", "Line1.Temp",
				"securityPolicy", "Basic128", "samplingIntervalMs", -5, "deadband", -1));
		settings(body).remove("password");
		assertThat(fields(body)).containsExactlyInAnyOrder("settings.endpointUrl", "settings.nodeId",
				"settings.securityPolicy", "settings.password", "settings.samplingIntervalMs", "settings.deadband");
	}

	@Test
	void requiresSecurityModeNoneExactlyWithPolicyNone() {
		Map<String, Object> body = ChannelFixtures.opcua("o");
		settings(body).put("securityMode", "None");
		assertThat(fields(body)).containsExactly("settings.securityMode");
	}

	@Test
	void keepsTheStoredPasswordWhenAnUpdateOmitsIt() {
		Map<String, Object> stored = ChannelDraft.read(ChannelFixtures.opcua("o"), null).settings().toMap();
		Map<String, Object> update = ChannelFixtures.opcua("o");
		settings(update).remove("password");
		Channel storedChannel = new Channel(1, "o", "", "", DataType.FLOAT64, 1, 0, 1000, true, null, List.of(),
				Protocol.OPCUA, stored, 0, java.time.Instant.now(), java.time.Instant.now());
		ChannelDraft draft = ChannelDraft.read(update, storedChannel);
		assertThat(draft.settings().toMap()).containsEntry("password", "s3cret-opc");
	}

	@Test
	void namesEveryBadMqttField() {
		Map<String, Object> body = ChannelFixtures.mqtt("q");
		settings(body).putAll(ChannelFixtures.map("brokerUrl", "mqtt://broker", "topic", "plant/#/temp", "qos", 3,
				"valuePointer", "value"));
		assertThat(fields(body)).containsExactlyInAnyOrder("settings.brokerUrl", "settings.topic", "settings.qos",
				"settings.valuePointer");
	}

	@Test
	void acceptsMqttWildcardsOnlyAsWholeLevels() {
		// MQTT 3.1.1 §4.7.1
		assertThat(MqttSettings.topicFilterProblem("plant/+/temp")).isNull();
		assertThat(MqttSettings.topicFilterProblem("plant/#")).isNull();
		assertThat(MqttSettings.topicFilterProblem("#")).isNull();
		assertThat(MqttSettings.topicFilterProblem("plant/line+/temp")).isNotNull();
		assertThat(MqttSettings.topicFilterProblem("plant/#/temp")).isNotNull();
	}

	@Test
	void namesEveryBadSimulatorAndChannelField() {
		Map<String, Object> body = ChannelFixtures.simulator("");
		body.putAll(ChannelFixtures.map("dataType", "REAL", "pollIntervalMs", 0, "enabled", "maybe", "tags", 5));
		settings(body).putAll(ChannelFixtures.map("waveform", "TRIANGLE", "periodMs", 0));
		assertThat(fields(body)).containsExactlyInAnyOrder("name", "dataType", "pollIntervalMs", "enabled", "tags",
				"settings.waveform", "settings.periodMs");
	}

	@Test
	void requiresProtocolAndSettings() {
		assertThat(fields(ChannelFixtures.map("name", "x", "dataType", "BOOL"))).containsExactlyInAnyOrder("protocol");
		assertThat(fields(ChannelFixtures.map("name", "x", "dataType", "BOOL", "protocol", "MQTT")))
			.containsExactly("settings");
	}

	private static List<FieldError> errors(Map<String, Object> body) {
		Violations violations = new Violations();
		ChannelDraft.read(body, null, violations);
		return violations.errors();
	}

	private static List<String> fields(Map<String, Object> body) {
		return errors(body).stream().map(FieldError::field).toList();
	}

}
