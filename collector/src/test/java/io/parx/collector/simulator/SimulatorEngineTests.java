package io.parx.collector.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parx.collector.engine.ChannelConfig;
import io.parx.collector.engine.ReadResult;
import io.parx.common.config.DataType;
import io.parx.common.config.channel.Protocol;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SimulatorEngineTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void producesAtLeastOneHundredThousandSamplesPerSecond() {
		// The floor: the simulator drives benchmarks of the whole pipeline.
		AtomicLong count = new AtomicLong();
		try (SimulatorEngine engine = new SimulatorEngine((batch) -> count.addAndGet(batch.size()),
				new SimpleMeterRegistry())) {
			List<ChannelConfig> channels = new ArrayList<>();
			for (int i = 1; i <= 2000; i++) {
				channels.add(channel(i, "SINE", DataType.FLOAT64, Duration.ofMillis(10)));
			}
			engine.apply(channels);
			long start = System.nanoTime();
			await().atMost(Duration.ofSeconds(10)).until(() -> count.get() >= 200_000);
			double seconds = (System.nanoTime() - start) / 1e9;
			assertThat(count.get() / seconds).isGreaterThan(100_000);
		}
	}

	@Test
	void keepsACountersStateWhenAnotherChannelChanges() {
		// Hot reload must not disturb channels that did not change.
		ConcurrentHashMap<Long, List<Sample>> seen = new ConcurrentHashMap<>();
		try (SimulatorEngine engine = new SimulatorEngine(
				(batch) -> batch.forEach((s) -> seen.computeIfAbsent(s.channelId(), (k) -> new ArrayList<>()).add(s)),
				new SimpleMeterRegistry())) {
			ChannelConfig counter = channel(1, "COUNTER", DataType.INT32, Duration.ofMillis(20));
			engine.apply(List.of(counter, channel(2, "SINE", DataType.FLOAT64, Duration.ofMillis(20))));
			await().until(() -> seen.getOrDefault(1L, List.of()).size() >= 5);
			engine.apply(List.of(counter, channel(2, "RAMP", DataType.FLOAT64, Duration.ofMillis(20))));
			await().until(() -> seen.getOrDefault(1L, List.of()).size() >= 15);
			List<Double> values = seen.get(1L).stream().map((s) -> s.value().asDouble()).toList();
			for (int i = 0; i < 15; i++) {
				assertThat(values.get(i)).isEqualTo(i);
			}
		}
	}

	@Test
	void readsOnceWithTheChannelsDataTypeAndScale() {
		try (SimulatorEngine engine = new SimulatorEngine((batch) -> {
		}, new SimpleMeterRegistry())) {
			ChannelConfig square = new ChannelConfig(0, "sq", DataType.FLOAT64, 2, 1, Duration.ofSeconds(1), true, null,
					List.of(), Protocol.SIMULATOR,
					JSON.readTree("{\"waveform\":\"SQUARE\",\"amplitude\":5,\"periodMs\":86400000}"), 0);
			ReadResult result = engine.readOnce(square, Duration.ofSeconds(1));
			assertThat(result.value()).isIn(SampleValue.of(11.0), SampleValue.of(-9.0));
			ReadResult bool = engine.readOnce(channel(0, "SQUARE", DataType.BOOL, Duration.ofSeconds(1)),
					Duration.ofSeconds(1));
			assertThat(bool.value()).isInstanceOf(SampleValue.Bool.class);
		}
	}

	static ChannelConfig channel(long id, String waveform, DataType type, Duration interval) {
		return new ChannelConfig(id, "sim-" + id, type, 1, 0, interval, true, null, List.of(), Protocol.SIMULATOR,
				JSON.readTree("{\"waveform\":\"" + waveform + "\",\"amplitude\":1000,\"periodMs\":10000}"), 1);
	}

}
