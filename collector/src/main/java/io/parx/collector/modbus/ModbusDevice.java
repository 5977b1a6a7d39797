package io.parx.collector.modbus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import io.parx.collector.engine.ChannelStatusTracker;
import io.parx.collector.engine.ConnectionStatus;
import io.parx.collector.engine.EngineMetrics;
import io.parx.collector.engine.SampleSink;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one device on its own thread: one timebase per poll interval, each with its
 * planned reads, run at a fixed rate (deadlines advance by the period, so there is no
 * drift; a cycle that starts a whole period late is counted as an overrun and the missed
 * cycles are skipped, not queued).
 */
final class ModbusDevice implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ModbusDevice.class);

	private final DeviceKey key;

	private final ModbusConnection connection;

	private final SampleSink sink;

	private final ChannelStatusTracker tracker;

	private final EngineMetrics metrics;

	private final int maxGap;

	private final long replanNanos;

	private final Map<Long, String> errors = new ConcurrentHashMap<>();

	private final Thread thread;

	private volatile Map<Duration, Timebase> timebases = Map.of();

	private volatile boolean running = true;

	private final AtomicLong overruns = new AtomicLong();

	ModbusDevice(DeviceKey key, ModbusConnection connection, SampleSink sink, ChannelStatusTracker tracker,
			EngineMetrics metrics, int maxGap, Duration replanInterval) {
		this.key = key;
		this.connection = connection;
		this.sink = sink;
		this.tracker = tracker;
		this.metrics = metrics;
		this.maxGap = maxGap;
		this.replanNanos = replanInterval.toNanos();
		this.thread = Thread.ofPlatform()
			.daemon()
			.name("parx-modbus-" + key.host() + ":" + key.port())
			.start(this::run);
	}

	/** Replaces the points; timebases whose points did not change keep plan and phase. */
	synchronized void update(List<ModbusPoint> points) {
		Map<Duration, List<ModbusPoint>> byInterval = new HashMap<>();
		for (ModbusPoint point : points) {
			byInterval.computeIfAbsent(point.channel().pollInterval(), (i) -> new ArrayList<>()).add(point);
		}
		Map<Duration, Timebase> next = new HashMap<>();
		byInterval.forEach((interval, list) -> {
			Timebase existing = this.timebases.get(interval);
			if (existing != null && existing.points.equals(list)) {
				next.put(interval, existing);
			}
			else {
				Timebase timebase = new Timebase(interval, list, RequestPlanner.plan(list, this.maxGap));
				if (existing != null) {
					timebase.deadline = existing.deadline;
				}
				next.put(interval, timebase);
			}
		});
		this.timebases = Map.copyOf(next);
		this.errors.keySet().retainAll(points.stream().map(ModbusPoint::channelId).toList());
		LockSupport.unpark(this.thread);
	}

	ConnectionStatus status() {
		ConnectionStatus status = this.connection.status();
		return new ConnectionStatus(status.key(), status.state(), status.lastError(), status.reconnectAttempts(),
				this.overruns.get());
	}

	/** The current plan, for the status API. */
	List<PlannedRead> plan() {
		List<PlannedRead> plan = new ArrayList<>();
		this.timebases.values().forEach((timebase) -> timebase.requests.forEach((request) -> {
			List<Long> ids = request.points().stream().map(ModbusPoint::channelId).toList();
			String error = (request.points().size() == 1) ? this.errors.get(ids.get(0)) : null;
			plan.add(new PlannedRead(this.key.toString(), timebase.interval.toMillis(), request.type().name(),
					request.start(), request.count(), ids, error));
		}));
		plan.sort((a, b) -> (a.pollIntervalMs() != b.pollIntervalMs())
				? Long.compare(a.pollIntervalMs(), b.pollIntervalMs()) : (!a.registerType().equals(b.registerType()))
						? a.registerType().compareTo(b.registerType()) : Integer.compare(a.start(), b.start()));
		return plan;
	}

	private void run() {
		while (this.running) {
			Timebase due = null;
			for (Timebase timebase : this.timebases.values()) {
				if (due == null || timebase.deadline < due.deadline) {
					due = timebase;
				}
			}
			if (due == null) {
				LockSupport.parkNanos(1_000_000_000L);
				continue;
			}
			long wait = due.deadline - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
				continue; // the timebases may have changed meanwhile
			}
			try {
				poll(due);
			}
			catch (RuntimeException ex) {
				logger.error("Polling {} failed", this.key, ex);
			}
			due.advance(System.nanoTime());
		}
		this.connection.close();
	}

	private void poll(Timebase timebase) {
		long started = System.nanoTime();
		List<Sample> batch = new ArrayList<>(timebase.points.size());
		if (!this.connection.ensureConnected()) {
			long now = Sample.toMicros(Instant.now());
			for (ModbusPoint point : timebase.points) {
				batch.add(new Sample(point.channelId(), now, null, Quality.BAD_NOT_CONNECTED));
			}
		}
		else {
			List<ReadRequest> executed = new ArrayList<>(timebase.requests.size());
			boolean changed = false;
			for (ReadRequest request : timebase.requests) {
				List<ReadRequest> result = execute(request, batch);
				changed |= result.size() != 1 || result.get(0) != request;
				executed.addAll(result);
			}
			if (changed) {
				timebase.requests = List.copyOf(executed);
				timebase.splitAt = System.nanoTime();
			}
			else if (timebase.requests != timebase.planned && System.nanoTime() - timebase.splitAt > this.replanNanos) {
				// Devices change (firmware, configuration): try the merged plan again.
				timebase.requests = timebase.planned;
			}
		}
		this.metrics.pollLatency(Duration.ofNanos(System.nanoTime() - started));
		this.tracker.record(batch);
		this.metrics.samples(batch.size());
		this.sink.publish(batch);
	}

	/**
	 * Reads one request. On an exception response to a merged read, splits it in halves
	 * until the offending points stand alone: only they turn Bad, the rest keep reading.
	 * @return the requests that replace {@code request} in the plan
	 */
	private List<ReadRequest> execute(ReadRequest request, List<Sample> batch) {
		if (this.connection.status().state().equals(ConnectionStatus.DISCONNECTED)) {
			notConnected(request, batch);
			return List.of(request);
		}
		try {
			read(request, batch);
			return List.of(request);
		}
		catch (ModbusSlaveException ex) {
			if (request.points().size() == 1) {
				ModbusPoint point = request.points().get(0);
				String reason = ModbusErrors.reason(ex.getType());
				if (this.errors.put(point.channelId(), reason) == null) {
					logger.warn("{} channel {} at {} {}: {}", this.key, point.channelId(), point.type(),
							point.address(), reason);
				}
				this.metrics.readError();
				batch.add(Sample.failed(point.channelId(), Instant.now(), ModbusErrors.quality(ex.getType())));
				return List.of(request);
			}
			int half = request.points().size() / 2;
			List<ReadRequest> result = new ArrayList<>();
			result.addAll(execute(ReadRequest.of(request.points().subList(0, half)), batch));
			result.addAll(execute(ReadRequest.of(request.points().subList(half, request.points().size())), batch));
			return result;
		}
		catch (ModbusException | RuntimeException ex) {
			logger.warn("{} connection lost: {}", this.key, ex.getMessage());
			this.connection.failed(String.valueOf(ex.getMessage()));
			this.metrics.readError();
			notConnected(request, batch);
			return List.of(request);
		}
	}

	private void read(ReadRequest request, List<Sample> batch) throws ModbusException {
		if (request.type().isBit()) {
			boolean[] bits = this.connection.readBits(request.type(), request.start(), request.count());
			long now = Sample.toMicros(Instant.now());
			for (ModbusPoint point : request.points()) {
				batch.add(new Sample(point.channelId(), now,
						RegisterCodec.decodeBit(point, bits[point.address() - request.start()]), Quality.GOOD));
				this.errors.remove(point.channelId());
			}
		}
		else {
			int[] words = this.connection.readRegisters(request.type(), request.start(), request.count());
			long now = Sample.toMicros(Instant.now());
			for (ModbusPoint point : request.points()) {
				batch.add(new Sample(point.channelId(), now,
						RegisterCodec.decode(point, words, point.address() - request.start()), Quality.GOOD));
				this.errors.remove(point.channelId());
			}
		}
	}

	private void notConnected(ReadRequest request, List<Sample> batch) {
		long now = Sample.toMicros(Instant.now());
		for (ModbusPoint point : request.points()) {
			batch.add(new Sample(point.channelId(), now, null, Quality.BAD_NOT_CONNECTED));
		}
	}

	@Override
	public void close() {
		this.running = false;
		LockSupport.unpark(this.thread);
	}

	/** Channels of one poll interval with their plan and next deadline. */
	private final class Timebase {

		final Duration interval;

		final List<ModbusPoint> points;

		/** The planner's merged reads. */
		final List<ReadRequest> planned;

		/** What is read now: the plan, or the plan split around failing channels. */
		volatile List<ReadRequest> requests;

		long splitAt;

		long deadline = System.nanoTime();

		Timebase(Duration interval, List<ModbusPoint> points, List<ReadRequest> requests) {
			this.interval = interval;
			this.points = List.copyOf(points);
			this.planned = List.copyOf(requests);
			this.requests = this.planned;
		}

		void advance(long now) {
			long period = this.interval.toNanos();
			this.deadline += period;
			if (now - this.deadline >= period) {
				long missed = (now - this.deadline) / period;
				for (long i = 0; i < missed; i++) {
					ModbusDevice.this.metrics.overrun();
					ModbusDevice.this.overruns.incrementAndGet();
				}
				this.deadline += missed * period;
			}
		}

	}

}
