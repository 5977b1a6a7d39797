package io.parx.collector.opcua;

import java.time.Instant;

import io.parx.collector.engine.ChannelConfig;
import io.parx.common.config.DataType;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.junit.jupiter.api.Test;

import static io.parx.collector.opcua.OpcUaChannelFixture.channel;
import static org.assertj.core.api.Assertions.assertThat;

class OpcUaValuesTests {

	private static final Instant SOURCE = Instant.parse("2026-02-03T04:05:06.789012Z");

	private static final Instant RECEIVED = Instant.parse("2026-02-03T04:05:07Z");

	@Test
	void sampleCarriesSourceTimeValueScaledAndStatusUnchanged() {
		ChannelConfig config = channel(7).dataType(DataType.UINT32).scaled(0.5, 1).build();
		DataValue value = new DataValue(new Variant(UInteger.valueOf(10)), StatusCode.GOOD, new DateTime(SOURCE));

		Sample sample = OpcUaValues.toSample(config, value, RECEIVED);

		assertThat(sample.value()).isEqualTo(SampleValue.of(6.0));
		assertThat(sample.time()).isEqualTo(SOURCE);
		assertThat(sample.quality()).isEqualTo(Quality.GOOD);
	}

	@Test
	void badStatusPassesThroughWithoutValue() {
		DataValue value = new DataValue(new Variant(1.0), new StatusCode(StatusCodes.Bad_DeviceFailure),
				new DateTime(SOURCE));
		Sample sample = OpcUaValues.toSample(channel(7).build(), value, RECEIVED);
		assertThat(sample.quality()).isEqualTo((int) StatusCodes.Bad_DeviceFailure);
		assertThat(sample.value()).isNull();
	}

	@Test
	void missingSourceTimeFallsBackToServerTimeThenReceipt() {
		DataValue serverOnly = DataValue.newValue()
			.setValue(new Variant(1.0))
			.setServerTime(new DateTime(SOURCE))
			.build();
		assertThat(OpcUaValues.toSample(channel(7).build(), serverOnly, RECEIVED).time()).isEqualTo(SOURCE);
		DataValue noTimes = DataValue.newValue().setValue(new Variant(1.0)).build();
		assertThat(OpcUaValues.toSample(channel(7).build(), noTimes, RECEIVED).time()).isEqualTo(RECEIVED);
	}

	@Test
	void valueThatDoesNotFitTheChannelTypeIsBadTypeMismatch() {
		DataValue text = new DataValue(new Variant("running"), StatusCode.GOOD, new DateTime(SOURCE));
		Sample sample = OpcUaValues.toSample(channel(7).dataType(DataType.FLOAT64).build(), text, RECEIVED);
		assertThat(sample.quality()).isEqualTo(OpcUaValues.BAD_TYPE_MISMATCH);
	}

	@Test
	void localizedTextAndNumbersBecomeStrings() {
		ChannelConfig text = channel(7).dataType(DataType.STRING).build();
		assertThat(OpcUaValues.toValue(text, new Variant(LocalizedText.english("Auto"))))
			.isEqualTo(SampleValue.of("Auto"));
		assertThat(OpcUaValues.toValue(text, new Variant(42.0))).isEqualTo(SampleValue.of("42"));
	}

	@Test
	void writeUndoesScaleAndUsesTheBuiltInTypeOfTheChannel() {
		// servers answer Bad_TypeMismatch to a Double written into an Int16 variable
		ChannelConfig int16 = channel(7).dataType(DataType.INT16).scaled(10, 5).build();
		assertThat(OpcUaValues.toVariant(int16, SampleValue.of(125.0)).getValue()).isEqualTo((short) 12);
		ChannelConfig uint16 = channel(7).dataType(DataType.UINT16).build();
		assertThat(OpcUaValues.toVariant(uint16, SampleValue.of(65535.0)).getValue()).isEqualTo(UShort.MAX);
		ChannelConfig bool = channel(7).dataType(DataType.BOOL).build();
		assertThat(OpcUaValues.toVariant(bool, SampleValue.of(true)).getValue()).isEqualTo(true);
	}

}
