package io.parx.collector.engine;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import io.parx.common.config.DataType;
import io.parx.common.config.channel.Protocol;
import io.parx.common.sample.Quality;
import io.parx.common.sample.SampleValue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The channel test's last line of defence against an engine that blocks. */
class BoundedReadTests {

	private static final ChannelConfig CHANNEL = new ChannelConfig(0, "probe", DataType.FLOAT64, 1, 0,
			Duration.ofSeconds(1), true, null, List.of(), Protocol.SIMULATOR, JsonNodeFactory.instance.objectNode(), 0);

	@Test
	void anEngineThatBlocksLongerThanTheTimeoutIsAnsweredForAtTheTimeoutAndTheMargin() {
		long start = System.nanoTime();
		ReadResult result = BoundedRead.readOnce(new Blocking(Duration.ofSeconds(10)), CHANNEL, Duration.ofMillis(500));
		long tookMs = (System.nanoTime() - start) / 1_000_000;

		assertThat(tookMs).isBetween(500L, 500 + BoundedRead.MARGIN.toMillis() + 500);
		assertThat(result.quality()).isEqualTo(Quality.BAD_TIMEOUT);
		assertThat(result.error()).isEqualTo("no answer from the device within 500 ms");
	}

	@Test
	void anEngineThatAnswersInTimeIsPassedThrough() {
		ReadResult result = BoundedRead.readOnce(new Blocking(Duration.ZERO), CHANNEL, Duration.ofMillis(500));

		assertThat(result.quality()).isEqualTo(Quality.GOOD);
	}

	/** Takes the given time for every read, then answers good. */
	private record Blocking(Duration delay) implements ProtocolEngine {

		@Override
		public ReadResult readOnce(ChannelConfig channel, Duration timeout) {
			try {
				Thread.sleep(this.delay);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return ReadResult.good(SampleValue.of(1.0), this.delay.toMillis());
		}

		@Override
		public Protocol protocol() {
			return Protocol.SIMULATOR;
		}

		@Override
		public void validate(ChannelConfig channel) {
		}

		@Override
		public void apply(Collection<ChannelConfig> channels) {
		}

		@Override
		public EngineStatus status() {
			return null;
		}

		@Override
		public void close() {
		}

	}

}
