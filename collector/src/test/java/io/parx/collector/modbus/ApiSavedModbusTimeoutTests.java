package io.parx.collector.modbus;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parx.collector.channels.ApiSavedConfigs;
import io.parx.collector.support.NotADeviceServer;
import io.parx.common.config.channel.Protocol;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code parx.collector.modbus.timeout} applies to a channel saved through the admin-api
 * that sets no {@code timeoutMs}. Until issue #18 the admin-api stored 3000 ms in every
 * channel, so a device that stopped answering was noticed only after five tries of 3 s
 * each, whatever the collector was configured with.
 */
class ApiSavedModbusTimeoutTests {

	private static final Duration COLLECTOR_TIMEOUT = Duration.ofMillis(200);

	private final AtomicReference<Long> firstBadAt = new AtomicReference<>();

	private final ModbusEngine engine = new ModbusEngine(this::record, new ModbusSettings(COLLECTOR_TIMEOUT, 10,
			Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMinutes(5)), new SimpleMeterRegistry());

	@AfterEach
	void close() {
		this.engine.close();
	}

	@Test
	void aSilentDeviceIsReportedAfterTheCollectorsTimeoutNotTheOldStoredOne() throws Exception {
		try (NotADeviceServer silent = NotADeviceServer.silent()) {
			long start = System.nanoTime();
			this.engine.apply(List.of(ApiSavedConfigs.stored(1, Protocol.MODBUS_TCP,
					Map.of("host", "127.0.0.1", "port", silent.port()))));

			// five tries of 200 ms are 1 s; of the old stored 3000 ms, 15 s. 10 s leaves
			// room for a loaded machine (5.1 s measured alone at load 0.2, more than 6 s
			// in a
			// full CI run) and still tells the two apart.
			await().atMost(Duration.ofSeconds(10)).until(() -> this.firstBadAt.get() != null);
			assertThat(Duration.ofNanos(this.firstBadAt.get() - start)).isLessThan(Duration.ofSeconds(10));
		}
	}

	private void record(List<Sample> batch) {
		for (Sample sample : batch) {
			if (Quality.isBad(sample.quality())) {
				this.firstBadAt.compareAndSet(null, System.nanoTime());
			}
		}
	}

}
