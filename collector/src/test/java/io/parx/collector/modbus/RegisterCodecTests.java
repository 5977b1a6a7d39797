package io.parx.collector.modbus;

import io.parx.common.config.DataType;
import io.parx.common.sample.SampleValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static io.parx.collector.modbus.ModbusFixtures.channel;
import static org.assertj.core.api.Assertions.assertThat;

class RegisterCodecTests {

	@ParameterizedTest
	@CsvSource({ "ABCD, 3F80, 0000", "CDAB, 0000, 3F80", "BADC, 803F, 0000", "DCBA, 0000, 803F" })
	void decodesFloat32InEveryByteLayout(String layout, String first, String second) {
		// 1.0f is 0x3F800000 big-endian; each layout is a known permutation of its bytes.
		ModbusPoint point = channel(1, DataType.FLOAT32, 0).order(layout).point();
		int[] words = { Integer.parseInt(first, 16), Integer.parseInt(second, 16) };
		assertThat(RegisterCodec.decode(point, words, 0)).isEqualTo(SampleValue.of(1.0));
	}

	@ParameterizedTest
	@CsvSource({ "INT16, -1234", "UINT16, 65000", "INT32, -123456789", "UINT32, 4000000000", "INT64, -1234567890123",
			"FLOAT32, 3.5", "FLOAT64, -2.718281828" })
	void roundTripsEveryNumericTypeInEveryOrder(DataType type, double value) {
		for (String layout : new String[] { "ABCD", "CDAB", "BADC", "DCBA" }) {
			ModbusPoint point = channel(1, type, 0).order(layout).point();
			int[] words = RegisterCodec.encode(point,
					(type == DataType.INT64 || type == DataType.UINT32) ? (Object) (long) value : (Object) value);
			assertThat(RegisterCodec.decode(point, words, 0).asDouble()).as(layout)
				.isCloseTo(value, org.assertj.core.data.Offset.offset(1e-6));
		}
	}

	@Test
	void wordOrderOverridesTheRegisterOrderOfTheByteLayout() {
		ModbusPoint point = channel(1, DataType.INT32, 0).order("ABCD").wordOrder("CDAB").point();
		assertThat(RegisterCodec.decode(point, new int[] { 0x0001, 0x0000 }, 0)).isEqualTo(SampleValue.of(1.0));
	}

	@Test
	void appliesScaleAndOffset() {
		ModbusPoint point = channel(1, DataType.INT16, 0).scale(0.1, -40).point();
		assertThat(RegisterCodec.decode(point, new int[] { 650 }, 0).asDouble()).isCloseTo(25.0,
				org.assertj.core.data.Offset.offset(1e-9));
	}

	@Test
	void readsNulPaddedStringsTwoCharactersPerRegister() {
		ModbusPoint point = channel(1, DataType.STRING, 0).stringLength(4).point();
		assertThat(RegisterCodec.decode(point, new int[] { 0x4142, 0x4344, 0x4500, 0x0000 }, 0))
			.isEqualTo(SampleValue.of("ABCDE"));
		ModbusPoint swapped = channel(1, DataType.STRING, 0).stringLength(2).order("BADC").point();
		assertThat(RegisterCodec.decode(swapped, new int[] { 0x4241, 0x0043 }, 0)).isEqualTo(SampleValue.of("ABC"));
	}

	@Test
	void decodesAnOffsetInsideAMergedRead() {
		ModbusPoint point = channel(1, DataType.UINT16, 5).point();
		assertThat(RegisterCodec.decode(point, new int[] { 0, 0, 7 }, 2)).isEqualTo(SampleValue.of(7.0));
	}

}
