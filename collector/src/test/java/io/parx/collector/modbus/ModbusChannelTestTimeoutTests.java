package io.parx.collector.modbus;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parx.collector.engine.ReadResult;
import io.parx.collector.support.NotADeviceServer;
import io.parx.common.config.DataType;
import io.parx.common.sample.Quality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.parx.collector.modbus.ModbusFixtures.channel;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channel test of a Modbus channel whose host accepts the connection but does not
 * speak Modbus: the timeout bounds the whole test, not each of j2mod's five tries (it
 * took 23-28 s with a timeout of 1 s).
 */
class ModbusChannelTestTimeoutTests {

	/** What the tests allow beyond the timeout on a busy shared machine. */
	private static final long MARGIN_MS = 800;

	private final ModbusEngine engine = new ModbusEngine((batch) -> {
	}, new ModbusSettings(Duration.ofSeconds(1), 10, Duration.ofMillis(100), Duration.ofMillis(400),
			Duration.ofSeconds(1)), new SimpleMeterRegistry());

	@AfterEach
	void close() {
		this.engine.close();
	}

	@Test
	void aHostThatAcceptsAndStaysSilentAnswersWithinTheTestTimeout() throws Exception {
		try (NotADeviceServer silent = NotADeviceServer.silent()) {
			long start = System.nanoTime();
			ReadResult result = this.engine.readOnce(channel(0, DataType.INT16, 0).device(silent.port()).build(),
					Duration.ofMillis(1000));
			long tookMs = (System.nanoTime() - start) / 1_000_000;

			assertThat(tookMs).isLessThan(1000 + MARGIN_MS);
			assertThat(result.quality()).isEqualTo(Quality.BAD_TIMEOUT);
			assertThat(result.error()).contains("no Modbus answer").contains("1000 ms");
		}
	}

	@Test
	void aHostThatAnswersSomethingElseAnswersWithinTheTestTimeoutWithTheDevicesError() throws Exception {
		try (NotADeviceServer garbage = NotADeviceServer.garbage()) {
			long start = System.nanoTime();
			ReadResult result = this.engine.readOnce(channel(0, DataType.INT16, 0).device(garbage.port()).build(),
					Duration.ofMillis(1000));
			long tookMs = (System.nanoTime() - start) / 1_000_000;

			assertThat(tookMs).isLessThan(1000 + MARGIN_MS);
			assertThat(Quality.isBad(result.quality())).isTrue();
			assertThat(result.error()).startsWith("Modbus request to modbus://").doesNotContain("tried");
		}
	}

	@Test
	void theChannelsOwnTimeoutBoundsTheTestWhenItIsShorter() throws Exception {
		// the admin-api asks with the time it can wait (9 s); a channel set to 700 ms
		// must
		// fail as its poll would, after 700 ms
		try (NotADeviceServer silent = NotADeviceServer.silent()) {
			long start = System.nanoTime();
			ReadResult result = this.engine.readOnce(
					channel(0, DataType.INT16, 0).device(silent.port()).set("timeoutMs", 700).build(),
					Duration.ofSeconds(9));
			long tookMs = (System.nanoTime() - start) / 1_000_000;

			assertThat(tookMs).isLessThan(700 + MARGIN_MS);
			assertThat(result.quality()).isEqualTo(Quality.BAD_TIMEOUT);
			assertThat(result.error()).contains("700 ms");
		}
	}

}
