package io.parx.bench.collector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parx.bench.demo.OpcUaDevice;
import io.parx.bench.support.Bench;
import io.parx.collector.engine.ChannelConfig;
import io.parx.collector.opcua.OpcUaEngine;
import io.parx.collector.opcua.OpcUaPki;
import io.parx.collector.opcua.OpcUaSettings;
import io.parx.common.config.DataType;
import io.parx.common.config.channel.Protocol;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 22 bench: many OPC UA monitored items on one server. Starts a Milo server in this
 * JVM with {@code items} Double variables that all change every {@code updateMs}, gives
 * the collector's {@link OpcUaEngine} one channel per variable (one subscription per
 * endpoint, the engine's default publishing interval and queue size) and counts, per
 * channel, the values that never arrived: each update writes the next whole number, so a
 * gap in a channel's values is a lost change. Reports received/expected, gaps, the
 * engine's source-loss counter (queue overflows, lost publish responses) and CPU.
 *
 * <pre>
 * scripts/bench.sh main io.parx.bench.collector.OpcUaSubscriptionBench [items] [updateMs] [samplingMs] [seconds]
 * </pre> Defaults: 10,000 items changing every 1000 ms, sampled every 500 ms, for 30 s.
 */
public final class OpcUaSubscriptionBench {

	private OpcUaSubscriptionBench() {
	}

	public static void main(String[] args) throws Exception {
		int items = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		int updateMs = (args.length > 1) ? Integer.parseInt(args[1]) : 1000;
		int samplingMs = (args.length > 2) ? Integer.parseInt(args[2]) : 500;
		int seconds = (args.length > 3) ? Integer.parseInt(args[3]) : 30;
		OpcUaDevice device = new OpcUaDevice("localhost", Bench.freePort(), items);
		JsonMapper json = JsonMapper.builder().build();
		List<ChannelConfig> channels = new ArrayList<>();
		for (int n = 0; n < items; n++) {
			channels.add(
					new ChannelConfig(n + 1, "bulk-" + n, DataType.FLOAT64, 1, 0, Duration.ofMillis(updateMs), true,
							null, List.of(), Protocol.OPCUA,
							json.readTree("{\"endpointUrl\":\"" + device.endpointUrl() + "\",\"nodeId\":\""
									+ device.nodeId("Bulk." + n) + "\",\"samplingIntervalMs\":" + samplingMs + "}"),
							1));
		}
		Counting counting = new Counting();
		Path pkiDir = Files.createTempDirectory("parx-bench-pki");
		OpcUaSettings settings = OpcUaSettings.defaults(pkiDir);
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		OpcUaPki pki = new OpcUaPki(pkiDir, settings.applicationUri(), settings.keystorePassword());
		OpcUaEngine engine = new OpcUaEngine(counting::add, settings, pki, registry);
		engine.apply(channels);

		AtomicLong update = new AtomicLong();
		ScheduledExecutorService updater = Executors.newSingleThreadScheduledExecutor();
		updater.scheduleAtFixedRate(() -> device.updateBulk(update.incrementAndGet(), Instant.now()), updateMs,
				updateMs, TimeUnit.MILLISECONDS);
		System.out.printf(
				"# %,d items changing every %d ms (%,d values/s), sampled every %d ms, publishing every "
						+ "%d ms, queue size %d%n",
				items, updateMs, items * 1000L / updateMs, samplingMs, settings.publishingInterval().toMillis(),
				settings.queueSize());
		long subscribing = System.nanoTime();
		while (counting.channels() < items) {
			LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
			if (System.nanoTime() - subscribing > Duration.ofMinutes(2).toNanos()) {
				throw new IllegalStateException("only " + counting.channels() + " of " + items + " items subscribed");
			}
		}
		double subscribeSeconds = (System.nanoTime() - subscribing) / 1e9;
		LockSupport.parkNanos(Duration.ofSeconds(3).toNanos()); // warm-up
		long received0 = counting.received.get();
		long gaps0 = counting.gaps.get();
		long updates0 = update.get();
		long cpu0 = Bench.processCpuNanos();
		long start = System.nanoTime();
		LockSupport.parkNanos(Duration.ofSeconds(seconds).toNanos());
		long updates = update.get() - updates0;
		long received = counting.received.get() - received0;
		long gaps = counting.gaps.get() - gaps0;
		double elapsed = (System.nanoTime() - start) / 1e9;
		double cpu = (Bench.processCpuNanos() - cpu0) / 1e9;
		double losses = registry.get("parx.collector.source.losses").counter().count();
		System.out.printf("subscribed in        %.1f s%n", subscribeSeconds);
		System.out.printf("values/s received    %,.0f (expected %,.0f)%n", received / elapsed,
				(double) updates * items / elapsed);
		System.out.printf("changes missed       %,d (gaps in the channels' values)%n", gaps);
		System.out.printf("source losses        %,.0f (queue overflows, lost publish responses)%n", losses);
		System.out.printf("whole JVM CPU        %.1f%% of one core (includes the in-process Milo server)%n",
				100 * cpu / elapsed);
		System.out.printf(Locale.ROOT,
				"BENCH {\"scenario\":\"opcua-subscription\",\"items\":%d,\"updateMs\":%d,\"samplingMs\":%d,"
						+ "\"subscribeSeconds\":%.1f,\"valuesPerSecond\":%.0f,\"expectedPerSecond\":%.0f,"
						+ "\"missed\":%d,\"sourceLosses\":%.0f,\"jvmCpuPercent\":%.1f}%n",
				items, updateMs, samplingMs, subscribeSeconds, received / elapsed, (double) updates * items / elapsed,
				gaps, losses, 100 * cpu / elapsed);
		updater.shutdownNow();
		engine.close();
		pki.close();
		device.close();
		System.exit(0);
	}

	/** Per channel the last value; a jump of more than one is a missed change. */
	private static final class Counting {

		private final ConcurrentHashMap<Long, Long> last = new ConcurrentHashMap<>();

		private final AtomicLong received = new AtomicLong();

		private final AtomicLong gaps = new AtomicLong();

		void add(List<Sample> batch) {
			for (Sample sample : batch) {
				if (Quality.isBad(sample.quality()) || sample.value() == null) {
					continue;
				}
				long value = (long) sample.value().asDouble();
				Long previous = this.last.put(sample.channelId(), value);
				if (value == 0) {
					continue; // the initial value, before the first update
				}
				this.received.incrementAndGet();
				if (previous != null && previous > 0 && value > previous + 1) {
					this.gaps.addAndGet(value - previous - 1);
				}
			}
		}

		int channels() {
			return this.last.size();
		}

	}

}
