package io.parx.collector.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.parx.collector.engine.ChannelConfig;
import io.parx.collector.engine.ChannelStatusTracker;
import io.parx.collector.engine.EngineMetrics;
import io.parx.collector.engine.EngineStatus;
import io.parx.collector.engine.ProtocolEngine;
import io.parx.collector.engine.ReadResult;
import io.parx.collector.engine.SampleSink;
import io.parx.common.config.channel.Protocol;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Generates signals for demos, tests and benchmarks. Channels with the same poll interval
 * share a timebase that emits one batch per tick at a fixed rate.
 */
@Component
public class SimulatorEngine implements ProtocolEngine {

	private static final Logger logger = LoggerFactory.getLogger(SimulatorEngine.class);

	private final SampleSink sink;

	private final EngineMetrics metrics;

	private final ChannelStatusTracker tracker = new ChannelStatusTracker();

	private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1,
			Thread.ofPlatform().name("parx-simulator-", 0).daemon().factory());

	private final Map<Duration, Timebase> timebases = new HashMap<>();

	public SimulatorEngine(SampleSink sink, MeterRegistry registry) {
		this.sink = sink;
		this.metrics = new EngineMetrics(registry, Protocol.SIMULATOR);
	}

	@Override
	public Protocol protocol() {
		return Protocol.SIMULATOR;
	}

	@Override
	public synchronized void apply(Collection<ChannelConfig> channels) {
		Map<Duration, Map<Long, ChannelConfig>> desired = new HashMap<>();
		for (ChannelConfig channel : channels) {
			desired.computeIfAbsent(channel.pollInterval(), (interval) -> new HashMap<>()).put(channel.id(), channel);
		}
		for (var it = this.timebases.entrySet().iterator(); it.hasNext();) {
			var entry = it.next();
			if (!desired.containsKey(entry.getKey())) {
				entry.getValue().future.cancel(false);
				it.remove();
			}
		}
		desired.forEach((interval, members) -> this.timebases
			.computeIfAbsent(interval, (key) -> new Timebase(key, this.scheduler))
			.update(members));
		this.tracker.retain(channels.stream().map(ChannelConfig::id).toList());
	}

	@Override
	public void validate(ChannelConfig channel) {
		new SimulatedChannel(channel);
	}

	@Override
	public ReadResult readOnce(ChannelConfig channel, Duration timeout) {
		long start = System.nanoTime();
		try {
			return ReadResult.good(new SimulatedChannel(channel).valueAt(System.currentTimeMillis()),
					(System.nanoTime() - start) / 1_000_000);
		}
		catch (IllegalArgumentException ex) {
			return ReadResult.failed(Quality.BAD_CONFIGURATION_ERROR, 0, ex.getMessage());
		}
	}

	@Override
	public EngineStatus status() {
		return new EngineStatus(List.of(), this.tracker.snapshot(), null, this.metrics.overrunCount());
	}

	@Override
	public synchronized void close() {
		this.scheduler.shutdownNow();
		this.timebases.clear();
	}

	private final class Timebase {

		private final ScheduledFuture<?> future;

		private volatile List<SimulatedChannel> members = List.of();

		Timebase(Duration interval, ScheduledExecutorService scheduler) {
			long nanos = interval.toNanos();
			this.future = scheduler.scheduleAtFixedRate(this::tick, nanos, nanos, TimeUnit.NANOSECONDS);
		}

		/** Keeps the state of unchanged channels, replaces changed ones. */
		void update(Map<Long, ChannelConfig> desired) {
			Map<Long, SimulatedChannel> current = new HashMap<>();
			this.members.forEach((member) -> current.put(member.config().id(), member));
			List<SimulatedChannel> next = new ArrayList<>(desired.size());
			desired.values().forEach((config) -> {
				SimulatedChannel existing = current.get(config.id());
				if (existing != null && existing.config().equals(config)) {
					next.add(existing);
				}
				else {
					try {
						next.add(new SimulatedChannel(config));
					}
					catch (IllegalArgumentException ex) {
						logger.warn("Simulator channel {} misconfigured: {}", config.id(), ex.getMessage());
					}
				}
			});
			this.members = next;
		}

		private void tick() {
			try {
				List<SimulatedChannel> channels = this.members;
				if (channels.isEmpty()) {
					return;
				}
				Instant now = Instant.now();
				long millis = now.toEpochMilli();
				long micros = Sample.toMicros(now);
				List<Sample> batch = new ArrayList<>(channels.size());
				for (SimulatedChannel channel : channels) {
					batch.add(new Sample(channel.config().id(), micros, channel.valueAt(millis), Quality.GOOD));
				}
				SimulatorEngine.this.tracker.record(batch);
				SimulatorEngine.this.metrics.samples(batch.size());
				SimulatorEngine.this.sink.publish(batch);
			}
			catch (RuntimeException ex) {
				logger.error("Simulator tick failed", ex);
			}
		}

	}

}
