package io.parx.common.sample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SampleBatchCodecTests {

	private static final long T0 = Sample.toMicros(Instant.parse("2026-11-27T10:15:30.123456Z"));

	@Test
	void everyKindOfValueSurvivesTheRoundTrip() {
		List<Sample> batch = List.of(numeric(1, 21.5), numeric(2, -7), new Sample(3, T0, SampleValue.of(true), 0),
				new Sample(4, T0, SampleValue.of(false), 0), new Sample(5, T0, SampleValue.of("Coil 4711 ÄÖÜ ✓"), 0),
				new Sample(6, T0, SampleValue.of(""), 0), new Sample(7, T0, null, Quality.BAD_NOT_CONNECTED),
				new Sample(8, T0, SampleValue.of(3.0), Quality.UNCERTAIN_LAST_USABLE_VALUE));
		assertThat(roundTrip(batch)).isEqualTo(batch);
	}

	@Test
	void specialAndExtremeDoublesKeepTheirExactBits() {
		// Equality on the raw bits: NaN payloads, signed zero and subnormals must not be
		// normalised.
		double[] values = { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MAX_VALUE,
				-Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL, 9007199254740992d, 9007199254740993d,
				-9007199254740992d, 1e300, Long.MAX_VALUE, Long.MIN_VALUE,
				Double.longBitsToDouble(0x7ff8000000000123L) };
		List<Sample> batch = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			batch.add(numeric(i + 1, values[i]));
		}
		List<Sample> decoded = roundTrip(batch);
		for (int i = 0; i < values.length; i++) {
			double value = ((SampleValue.Numeric) decoded.get(i).value()).value();
			assertThat(Double.doubleToRawLongBits(value)).as("value %s", values[i])
				.isEqualTo(Double.doubleToRawLongBits(values[i]));
		}
	}

	@Test
	void extremeIdsTimesAndQualitiesSurvive() {
		List<Sample> batch = List.of(new Sample(Long.MAX_VALUE, Long.MAX_VALUE, SampleValue.of(1), 0),
				new Sample(1, Long.MIN_VALUE, null, 0xFFFFFFFF), new Sample(2, 0, null, Quality.BAD),
				new Sample(3, -1, SampleValue.of(2), 0x3FFFFFFF));
		assertThat(roundTrip(batch)).isEqualTo(batch);
	}

	@Test
	void anEmptyBatchIsTwoBytes() {
		byte[] bytes = SampleBatchCodec.encode(List.of());
		assertThat(bytes).containsExactly(SampleBatchCodec.VERSION_1, 0);
		assertThat(SampleBatchCodec.decode(bytes)).isEmpty();
	}

	@Test
	void aTypicalPollCycleIsCompact() {
		// 100 registers read in one cycle: the stream's memory use is dominated by this
		// size.
		List<Sample> batch = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			batch.add(numeric(1000 + i, i * 10));
		}
		assertThat(SampleBatchCodec.encode(batch).length).isLessThan(100 * 8);
	}

	@Test
	void aLongStringRoundTrips() {
		String text = "x".repeat(SampleValue.Text.MAX_LENGTH);
		List<Sample> batch = List.of(new Sample(1, T0, SampleValue.of(text), 0));
		assertThat(roundTrip(batch)).isEqualTo(batch);
	}

	@Test
	void randomBatchesRoundTrip() {
		Random random = new Random(42);
		for (int n = 0; n < 200; n++) {
			List<Sample> batch = new ArrayList<>();
			long time = T0;
			for (int i = 0; i < random.nextInt(50); i++) {
				time += random.nextInt(2_000_000) - 500_000;
				SampleValue value = switch (random.nextInt(4)) {
					case 0 -> SampleValue.of(random.nextGaussian() * 1e6);
					case 1 -> SampleValue.of(random.nextInt());
					case 2 -> SampleValue.of(random.nextBoolean());
					default -> SampleValue.of(Long.toString(random.nextLong(), 36));
				};
				batch.add(new Sample(1 + random.nextInt(100_000), time, value, random.nextBoolean() ? 0 : 0x40000000));
			}
			assertThat(roundTrip(batch)).isEqualTo(batch);
		}
	}

	@Test
	void aTruncatedBatchIsRejectedWithACodecError() {
		byte[] bytes = SampleBatchCodec.encode(List.of(numeric(1, 1.5), numeric(2, 2.5)));
		for (int length = 0; length < bytes.length; length++) {
			byte[] truncated = Arrays.copyOf(bytes, length);
			assertThatExceptionOfType(SampleCodecException.class).isThrownBy(() -> SampleBatchCodec.decode(truncated));
		}
	}

	@Test
	void anUnknownVersionIsRejected() {
		byte[] bytes = SampleBatchCodec.encode(List.of(numeric(1, 1)));
		bytes[0] = 99;
		assertThatExceptionOfType(SampleCodecException.class).isThrownBy(() -> SampleBatchCodec.decode(bytes))
			.withMessageContaining("version 99");
	}

	@Test
	void aCorruptCountCannotAllocateGigabytes() {
		byte[] bytes = { SampleBatchCodec.VERSION_1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F };
		assertThatExceptionOfType(SampleCodecException.class).isThrownBy(() -> SampleBatchCodec.decode(bytes));
	}

	@Test
	void trailingGarbageIsRejected() {
		byte[] bytes = SampleBatchCodec.encode(List.of(numeric(1, 1)));
		byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
		assertThatExceptionOfType(SampleCodecException.class).isThrownBy(() -> SampleBatchCodec.decode(longer));
	}

	@Test
	void aSingleSampleDecodesWithDecodeOne() {
		Sample sample = numeric(9, 4.25);
		assertThat(SampleBatchCodec.decodeOne(SampleBatchCodec.encode(sample))).isEqualTo(sample);
	}

	private static Sample numeric(long channelId, double value) {
		return new Sample(channelId, T0 + channelId, SampleValue.of(value), Quality.GOOD);
	}

	private static List<Sample> roundTrip(List<Sample> batch) {
		return SampleBatchCodec.decode(SampleBatchCodec.encode(batch));
	}

}
