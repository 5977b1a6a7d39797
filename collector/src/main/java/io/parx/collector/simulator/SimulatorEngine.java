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
import io.parx.collector.engine.ChannelReconciler;
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

	private final ChannelReconciler<Duration, SimulatedChannel, Timebase> reconciler;

	public SimulatorEngine(SampleSink sink, MeterRegistry registry) {
		this.sink = sink;
		this.metrics = new EngineMetrics(registry, Protocol.SIMULATOR);
		this.reconciler = new ChannelReconciler<>(Protocol.SIMULATOR, new Timebases(), this.tracker, this::publish);
	}

	@Override
	public Protocol protocol() {
		return Protocol.SIMULATOR;
	}

	@Override
	public synchronized void apply(Collection<ChannelConfig> channels) {
		this.reconciler.apply(channels);
	}

	private final class Timebases implements ChannelReconciler.Hooks<Duration, SimulatedChannel, Timebase> {

		@Override
		public SimulatedChannel channel(ChannelConfig config) {
			return new SimulatedChannel(config);
		}

		@Override
		public Duration key(ChannelConfig config, SimulatedChannel channel) {
			return config.pollInterval();
		}

		@Override
		public Timebase open(Duration interval, List<SimulatedChannel> channels) {
			Timebase timebase = new Timebase(interval, SimulatorEngine.this.scheduler);
			timebase.update(channels);
			return timebase;
		}

		@Override
		public void update(Timebase timebase, List<SimulatedChannel> channels) {
			timebase.update(channels);
		}

		@Override
		public void close(Timebase timebase) {
			timebase.future.cancel(false);
		}

	}

	private void publish(List<Sample> batch) {
		this.tracker.record(batch);
		this.metrics.samples(batch.size());
		this.sink.publish(new ArrayList<>(batch));
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
		this.reconciler.clear();
	}

	private final class Timebase {

		private final ScheduledFuture<?> future;

		private volatile List<SimulatedChannel> members = List.of();

		Timebase(Duration interval, ScheduledExecutorService scheduler) {
			long nanos = interval.toNanos();
			this.future = scheduler.scheduleAtFixedRate(this::tick, nanos, nanos, TimeUnit.NANOSECONDS);
		}

		/** Keeps the state of unchanged channels, replaces changed ones. */
		void update(List<SimulatedChannel> desired) {
			Map<Long, SimulatedChannel> current = new HashMap<>();
			this.members.forEach((member) -> current.put(member.config().id(), member));
			List<SimulatedChannel> next = new ArrayList<>(desired.size());
			for (SimulatedChannel channel : desired) {
				SimulatedChannel existing = current.get(channel.config().id());
				next.add((existing != null && existing.config().equals(channel.config())) ? existing : channel);
			}
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
