package io.parx.bench.codec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import io.parx.common.sample.SampleValue;

/**
 * Encode and decode cost of one poll cycle's batch, binary codec against the same batch
 * as JSON: the measurement behind the choice of encoding (docs/ARCHITECTURE.md). Run with
 * {@code scripts/bench.sh codec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SampleCodecBenchmark {

	@Param({ "100", "1000" })
	int batchSize;

	private final JsonMapper json = JsonMapper.builder().build();

	private List<Sample> batch;

	private byte[] binary;

	private byte[] jsonBytes;

	@Setup
	public void setUp() {
		this.batch = new ArrayList<>();
		long time = Sample.toMicros(Instant.parse("2026-11-27T10:00:00Z"));
		for (int i = 0; i < this.batchSize; i++) {
			// A realistic mix: mostly analogue values, some whole-number registers and
			// booleans.
			SampleValue value = switch (i % 4) {
				case 0, 1 -> SampleValue.of(20 + i * 0.137);
				case 2 -> SampleValue.of(i);
				default -> SampleValue.of(i % 8 == 3);
			};
			this.batch.add(new Sample(1000 + i, time + i, value, 0));
		}
		this.binary = SampleBatchCodec.encode(this.batch);
		this.jsonBytes = this.json.writeValueAsBytes(toJson(this.batch));
		System.out.printf("%nbatch of %d: binary %d bytes, JSON %d bytes%n", this.batchSize, this.binary.length,
				this.jsonBytes.length);
	}

	@Benchmark
	public byte[] encodeBinary() {
		return SampleBatchCodec.encode(this.batch);
	}

	@Benchmark
	public List<Sample> decodeBinary() {
		return SampleBatchCodec.decode(this.binary);
	}

	@Benchmark
	public byte[] encodeJson() {
		return this.json.writeValueAsBytes(toJson(this.batch));
	}

	@Benchmark
	public JsonSample[] decodeJson() {
		return this.json.readValue(this.jsonBytes, JsonSample[].class);
	}

	private static List<JsonSample> toJson(List<Sample> batch) {
		List<JsonSample> result = new ArrayList<>(batch.size());
		for (Sample sample : batch) {
			Object value = switch (sample.value()) {
				case SampleValue.Numeric n -> n.value();
				case SampleValue.Bool b -> b.value();
				case SampleValue.Text t -> t.value();
				case null -> null;
			};
			result.add(new JsonSample(sample.channelId(), sample.time().toString(), value, sample.quality()));
		}
		return result;
	}

	/** The same sample as JSON, the way a readable encoding would carry it. */
	public record JsonSample(long channelId, String time, Object value, int quality) {
	}

}
