package io.parx.common.sample;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SampleTests {

	@Test
	void timeKeepsMicrosecondPrecision() {
		Instant time = Instant.parse("2026-11-27T10:15:30.123456789Z");
		assertThat(Sample.of(1, time, 1.0).time()).isEqualTo(Instant.parse("2026-11-27T10:15:30.123456Z"));
	}

	@Test
	void aGoodSampleWithoutValueCannotBeBuilt() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Sample(1, 0, null, Quality.GOOD));
	}

	@Test
	void aBadSampleCarriesNoValue() {
		Sample sample = Sample.failed(1, Instant.EPOCH, Quality.BAD_TIMEOUT);
		assertThat(sample.value()).isNull();
		assertThat(sample.isGood()).isFalse();
	}

	@Test
	void channelIdsArePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> Sample.of(0, Instant.EPOCH, 1.0));
	}

	@Test
	void severityComesFromTheTopTwoBits() {
		// OPC UA Part 4 §7.39: 00 good, 01 uncertain, 10 bad.
		assertThat(Quality.isGood(0x00AB0000)).isTrue();
		assertThat(Quality.isUncertain(Quality.UNCERTAIN_LAST_USABLE_VALUE)).isTrue();
		assertThat(Quality.isBad(Quality.BAD_NOT_CONNECTED)).isTrue();
		assertThat(Quality.name(Quality.BAD_COMMUNICATION_ERROR)).isEqualTo("Bad_CommunicationError");
		assertThat(Quality.name(0x80AB0000)).isEqualTo("0x80AB0000");
	}

	@Test
	void valuesReadAsNumbersTheWayFormulasSeeThem() {
		assertThat(SampleValue.of(true).asDouble()).isEqualTo(1);
		assertThat(SampleValue.of(false).asDouble()).isZero();
		assertThat(SampleValue.of("x").asDouble()).isNaN();
	}

}
