package io.parx.common.config.channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parx.common.config.DataType;
import io.parx.common.config.FieldProblem;
import io.parx.common.config.InvalidSettingsException;
import io.parx.common.sample.SampleValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WriteAccessTests {

	@Test
	void aChannelThatSaysNothingIsOnlyRead() {
		ChannelSettings settings = ChannelSettings.fromJson(Protocol.MODBUS_TCP, DataType.INT16,
				modbus("HOLDING_REGISTER"));
		assertThat(settings.write()).isEqualTo(WriteAccess.NONE);
		assertThat(settings.toMap()).doesNotContainKeys("writable", "operatorWritable", "writeMin", "writeMax");
	}

	@Test
	void theWriteFieldsOfEveryWritableProtocolSurviveTheStoredDocument() {
		Map<String, Object> modbus = modbus("HOLDING_REGISTER");
		modbus.putAll(Map.of("writable", true, "operatorWritable", true, "writeMin", -5, "writeMax", 50.5));
		Map<String, Object> opcua = new LinkedHashMap<>(
				Map.of("endpointUrl", "opc.tcp://plc:4840", "nodeId", "ns=2;s=Setpoint", "writable", true));
		Map<String, Object> mqtt = new LinkedHashMap<>(Map.of("brokerUrl", "tcp://broker:1883", "topic", "plant/sp",
				"writeTopic", "plant/sp/set", "writable", true, "writeMax", 10));
		for (var entry : Map.of(Protocol.MODBUS_TCP, modbus, Protocol.OPCUA, opcua, Protocol.MQTT, mqtt).entrySet()) {
			ChannelSettings read = ChannelSettings.fromJson(entry.getKey(), DataType.FLOAT64, entry.getValue());
			assertThat(read.write().writable()).as(entry.getKey().name()).isTrue();
			assertThat(ChannelSettings.fromJson(entry.getKey(), DataType.FLOAT64, read.toMap()))
				.as(entry.getKey().name())
				.isEqualTo(read);
		}
		assertThat(ModbusTcpSettings.fromJson(modbus, DataType.FLOAT64).write())
			.isEqualTo(new WriteAccess(true, true, -5.0, 50.5));
		assertThat(MqttSettings.fromJson(mqtt, DataType.FLOAT64).writeTopic()).isEqualTo("plant/sp/set");
	}

	@Test
	void readOnlyTablesWildcardTopicsAndContradictionsAreRejectedByField() {
		Map<String, Object> input = modbus("INPUT_REGISTER");
		input.put("writable", true);
		assertThat(problems(Protocol.MODBUS_TCP, DataType.INT16, input)).extracting(FieldProblem::field)
			.containsExactly("writable");
		Map<String, Object> limits = modbus("HOLDING_REGISTER");
		limits.putAll(Map.of("operatorWritable", true, "writeMin", 10, "writeMax", 1));
		assertThat(problems(Protocol.MODBUS_TCP, DataType.INT16, limits)).extracting(FieldProblem::field)
			.containsExactly("operatorWritable", "writeMax");
		Map<String, Object> coil = modbus("COIL");
		coil.putAll(Map.of("writable", true, "writeMax", 1));
		assertThat(problems(Protocol.MODBUS_TCP, DataType.BOOL, coil)).extracting(FieldProblem::field)
			.containsExactly("writeMax");
		Map<String, Object> noTopic = new LinkedHashMap<>(
				Map.of("brokerUrl", "tcp://broker:1883", "topic", "plant/sp", "writable", true));
		assertThat(problems(Protocol.MQTT, DataType.FLOAT64, noTopic)).extracting(FieldProblem::field)
			.containsExactly("writeTopic");
		noTopic.put("writeTopic", "plant/+/set");
		assertThat(problems(Protocol.MQTT, DataType.FLOAT64, noTopic)).extracting(FieldProblem::field)
			.containsExactly("writeTopic");
		Map<String, Object> simulator = new LinkedHashMap<>(Map.of("waveform", "SINE", "writable", true));
		assertThat(problems(Protocol.SIMULATOR, DataType.FLOAT64, simulator)).extracting(FieldProblem::field)
			.containsExactly("writable");
	}

	@Test
	void aValueIsCheckedAgainstTheDataTypeAndTheLimits() {
		WriteAccess access = new WriteAccess(true, false, 0.0, 100.0);
		assertThat(access.check(DataType.FLOAT32, 12.5)).isEqualTo(SampleValue.of(12.5));
		assertThat(access.check(DataType.INT16, 100)).isEqualTo(SampleValue.of(100));
		assertThat(access.check(DataType.BOOL, true)).isEqualTo(SampleValue.of(true));
		assertThat(access.check(DataType.STRING, "on")).isEqualTo(SampleValue.of("on"));
		assertThatIllegalArgumentException().isThrownBy(() -> access.check(DataType.INT16, 100.5 + 1))
			.withMessage("must be at most writeMax 100.0");
		assertThatIllegalArgumentException().isThrownBy(() -> access.check(DataType.INT16, -1))
			.withMessage("must be at least writeMin 0.0");
		assertThatIllegalArgumentException().isThrownBy(() -> access.check(DataType.INT16, "12"))
			.withMessage("must be a finite number for data type INT16");
		assertThatIllegalArgumentException().isThrownBy(() -> access.check(DataType.BOOL, 1))
			.withMessage("must be true or false for data type BOOL");
		assertThatIllegalArgumentException().isThrownBy(() -> access.check(DataType.FLOAT64, null))
			.withMessage("is required");
		assertThatIllegalArgumentException().isThrownBy(() -> access.check(DataType.FLOAT64, List.of(1)));
	}

	private static List<FieldProblem> problems(Protocol protocol, DataType dataType, Map<String, Object> json) {
		return catchThrowableOfType(InvalidSettingsException.class,
				() -> ChannelSettings.fromJson(protocol, dataType, json))
			.problems();
	}

	private static Map<String, Object> modbus(String table) {
		return new LinkedHashMap<>(Map.of("host", "plc", "registerType", table, "address", 10));
	}

}
