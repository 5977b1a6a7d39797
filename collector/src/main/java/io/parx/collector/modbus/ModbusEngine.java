package io.parx.collector.modbus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import io.micrometer.core.instrument.MeterRegistry;
import io.parx.collector.engine.ChannelConfig;
import io.parx.collector.engine.ChannelReconciler;
import io.parx.collector.engine.ChannelStatusTracker;
import io.parx.collector.engine.ConnectionStatus;
import io.parx.collector.engine.EngineMetrics;
import io.parx.collector.engine.EngineStatus;
import io.parx.collector.engine.ProtocolEngine;
import io.parx.collector.engine.RawValue;
import io.parx.collector.engine.ReadResult;
import io.parx.collector.engine.SampleSink;
import io.parx.collector.engine.WriteOutcome;
import io.parx.common.config.channel.Protocol;
import io.parx.common.config.channel.RegisterType;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;

import org.springframework.stereotype.Component;

/**
 * Modbus TCP with j2mod: one {@link ModbusDevice} (connection and poll thread) per host,
 * port and unit id, shared by its channels.
 */
@Component
public class ModbusEngine implements ProtocolEngine {

	private final SampleSink sink;

	private final ModbusSettings settings;

	private final EngineMetrics metrics;

	private final ChannelStatusTracker tracker = new ChannelStatusTracker();

	private final ChannelReconciler<DeviceKey, ModbusPoint, ModbusDevice> reconciler;

	public ModbusEngine(SampleSink sink, ModbusSettings settings, MeterRegistry registry) {
		this.sink = sink;
		this.settings = settings;
		this.metrics = new EngineMetrics(registry, Protocol.MODBUS_TCP);
		this.reconciler = new ChannelReconciler<>(Protocol.MODBUS_TCP, new Devices(), this.tracker, this::publish);
	}

	@Override
	public Protocol protocol() {
		return Protocol.MODBUS_TCP;
	}

	@Override
	public synchronized void apply(Collection<ChannelConfig> channels) {
		this.reconciler.apply(channels);
	}

	private final class Devices implements ChannelReconciler.Hooks<DeviceKey, ModbusPoint, ModbusDevice> {

		@Override
		public ModbusPoint channel(ChannelConfig config) {
			return ModbusPoint.of(config);
		}

		@Override
		public DeviceKey key(ChannelConfig config, ModbusPoint point) {
			return point.device();
		}

		@Override
		public ModbusDevice open(DeviceKey key, List<ModbusPoint> points) {
			ModbusDevice device = ModbusEngine.this.open(key, points);
			device.update(points);
			return device;
		}

		@Override
		public void update(ModbusDevice device, List<ModbusPoint> points) {
			device.update(points);
		}

		@Override
		public void close(ModbusDevice device) {
			device.close();
		}

	}

	private void publish(List<Sample> batch) {
		this.tracker.record(batch);
		this.sink.publish(new ArrayList<>(batch));
	}

	/** Opens a device; its timeout is the first {@code timeoutMs} its channels set. */
	private ModbusDevice open(DeviceKey key, List<ModbusPoint> points) {
		Duration timeout = points.stream()
			.filter((point) -> point.timeoutMs() > 0)
			.findFirst()
			.map((point) -> Duration.ofMillis(point.timeoutMs()))
			.orElse(null);
		return new ModbusDevice(key, connection(key, timeout), this.sink, this.tracker, this.metrics,
				this.settings.maxGap(), this.settings.replanInterval());
	}

	private ModbusConnection connection(DeviceKey key, Duration timeout) {
		int timeoutMs = (int) ((timeout != null) ? timeout : this.settings.timeout()).toMillis();
		return new ModbusConnection(key, timeoutMs, this.settings.reconnectInitial(), this.settings.reconnectMax());
	}

	/** The device: one connection per {@code host:port:unit}. */
	@Override
	public String connection(ChannelConfig channel) {
		try {
			return ModbusPoint.of(channel).device().toString();
		}
		catch (IllegalArgumentException ex) {
			return ProtocolEngine.super.connection(channel);
		}
	}

	/**
	 * Reads the channel once on a connection of its own. The shorter of the caller's and
	 * the channel's {@code timeoutMs} bounds the whole read, connection included, and
	 * each request is sent once: a host that accepts connections but does not answer
	 * Modbus (wrong port, a gateway without its device) is reported after that time.
	 */
	@Override
	public void validate(ChannelConfig channel) {
		ModbusPoint.of(channel);
	}

	@Override
	public ReadResult readOnce(ChannelConfig channel, Duration timeout) {
		long start = System.nanoTime();
		ModbusPoint point;
		try {
			point = ModbusPoint.of(channel);
		}
		catch (RuntimeException ex) {
			return ReadResult.failed(Quality.BAD_CONFIGURATION_ERROR, 0, ex.getMessage());
		}
		int limitMs = (int) Math.clamp(timeout.toMillis(), 1, Integer.MAX_VALUE);
		if (point.timeoutMs() > 0) {
			limitMs = Math.min(limitMs, point.timeoutMs());
		}
		long deadline = start + limitMs * 1_000_000L;
		// A connection of its own: the test must not disturb the device's poll cycle.
		try (ModbusConnection connection = ModbusConnection.singleTry(point.device(), limitMs)) {
			if (!connection.ensureConnected()) {
				return ReadResult.failed(Quality.BAD_NOT_CONNECTED, elapsed(start), connection.status().lastError());
			}
			long leftMs = (deadline - System.nanoTime()) / 1_000_000;
			if (leftMs <= 0) {
				return noAnswer(point, limitMs, start);
			}
			connection.timeout((int) leftMs);
			return ReadResult.good(readValue(connection, point), elapsed(start));
		}
		catch (ModbusSlaveException ex) {
			return ReadResult.failed(ModbusErrors.quality(ex.getType()), elapsed(start),
					ModbusErrors.reason(ex.getType()));
		}
		catch (Exception ex) {
			if (System.nanoTime() - deadline >= -10_000_000L) {
				return noAnswer(point, limitMs, start);
			}
			return ReadResult.failed(Quality.BAD_COMMUNICATION_ERROR, elapsed(start),
					"Modbus request to " + point.device() + " failed: " + ModbusErrors.describe(ex));
		}
	}

	/**
	 * Reads, writes and reads again on a connection of its own, each request sent once (a
	 * write is never repeated behind the caller's back): a coil with function code 5, one
	 * register with 6, a longer value with 16, encoded by {@link RegisterCodec} in the
	 * channel's byte and word order.
	 */
	@Override
	public WriteOutcome writeAndReadBack(ChannelConfig channel, SampleValue value, Duration timeout) {
		long start = System.nanoTime();
		ModbusPoint point;
		Object raw;
		try {
			point = ModbusPoint.of(channel);
			if (point.type() != RegisterType.COIL && point.type() != RegisterType.HOLDING_REGISTER) {
				throw new IllegalArgumentException(point.type() + " is read-only in Modbus");
			}
			raw = RawValue.of(channel, value);
		}
		catch (RuntimeException ex) {
			return WriteOutcome.failed(ReadResult.failed(Quality.BAD_CONFIGURATION_ERROR, 0, ex.getMessage()));
		}
		int limitMs = (int) Math.clamp(timeout.toMillis(), 1, Integer.MAX_VALUE);
		if (point.timeoutMs() > 0) {
			limitMs = Math.min(limitMs, point.timeoutMs());
		}
		long deadline = start + limitMs * 1_000_000L;
		ReadResult before = null;
		try (ModbusConnection connection = ModbusConnection.singleTry(point.device(), limitMs)) {
			if (!connection.ensureConnected()) {
				return WriteOutcome.failed(
						ReadResult.failed(Quality.BAD_NOT_CONNECTED, elapsed(start), connection.status().lastError()));
			}
			before = readQuietly(connection, point, deadline);
			if (before.quality() == Quality.BAD_TIMEOUT) {
				// no answer to the read: the write is not sent into a silent device (a
				// refused read, e.g. of a write-only register, still lets it through)
				return new WriteOutcome(before,
						ReadResult.failed(Quality.BAD_TIMEOUT, elapsed(start), "nothing written: " + before.error()),
						null);
			}
			long leftMs = (deadline - System.nanoTime()) / 1_000_000;
			if (leftMs <= 0) {
				return new WriteOutcome(before, noAnswer(point, limitMs, start), null);
			}
			connection.timeout((int) leftMs);
			long writeStart = System.nanoTime();
			if (point.type() == RegisterType.COIL) {
				connection.writeCoil(point.address(), (Boolean) raw);
			}
			else {
				connection.writeRegisters(point.address(), RegisterCodec.encode(point, raw));
			}
			ReadResult written = ReadResult.good(value, elapsed(writeStart));
			return new WriteOutcome(before, written, readQuietly(connection, point, deadline));
		}
		catch (ModbusSlaveException ex) {
			return new WriteOutcome(before, ReadResult.failed(ModbusErrors.quality(ex.getType()), elapsed(start),
					ModbusErrors.reason(ex.getType())), null);
		}
		catch (Exception ex) {
			if (System.nanoTime() - deadline >= -10_000_000L) {
				return new WriteOutcome(before, noAnswer(point, limitMs, start), null);
			}
			return new WriteOutcome(before, ReadResult.failed(Quality.BAD_COMMUNICATION_ERROR, elapsed(start),
					"Modbus write to " + point.device() + " failed: " + ModbusErrors.describe(ex)), null);
		}
	}

	/** One read on an open connection; a failure is a result, not an exception. */
	private static ReadResult readQuietly(ModbusConnection connection, ModbusPoint point, long deadline) {
		long start = System.nanoTime();
		long leftMs = (deadline - start) / 1_000_000;
		if (leftMs <= 0) {
			return ReadResult.failed(Quality.BAD_TIMEOUT, 0, "no time left to read " + point.device());
		}
		connection.timeout((int) leftMs);
		try {
			return ReadResult.good(readValue(connection, point), elapsed(start));
		}
		catch (ModbusSlaveException ex) {
			return ReadResult.failed(ModbusErrors.quality(ex.getType()), elapsed(start),
					ModbusErrors.reason(ex.getType()));
		}
		catch (Exception ex) {
			return ReadResult.failed(Quality.BAD_TIMEOUT, elapsed(start),
					"Modbus read of " + point.device() + " failed: " + ModbusErrors.describe(ex));
		}
	}

	/** The point's value, read with one request. */
	private static SampleValue readValue(ModbusConnection connection, ModbusPoint point) throws ModbusException {
		if (point.type().isBit()) {
			return RegisterCodec.decodeBit(point, connection.readBits(point.type(), point.address(), 1)[0]);
		}
		return RegisterCodec.decode(point, connection.readRegisters(point.type(), point.address(), point.count()), 0);
	}

	private static ReadResult noAnswer(ModbusPoint point, int limitMs, long start) {
		return ReadResult.failed(Quality.BAD_TIMEOUT, elapsed(start), "no Modbus answer from " + point.device()
				+ " within " + limitMs + " ms (the host accepts connections: is it a Modbus TCP device?)");
	}

	private static long elapsed(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	@Override
	public synchronized EngineStatus status() {
		List<ConnectionStatus> connections = new ArrayList<>();
		List<PlannedRead> plan = new ArrayList<>();
		this.reconciler.running().values().forEach((device) -> {
			connections.add(device.status());
			plan.addAll(device.plan());
		});
		connections.sort((a, b) -> a.key().compareTo(b.key()));
		return new EngineStatus(connections, this.tracker.snapshot(), plan, this.metrics.overrunCount());
	}

	@Override
	public synchronized void close() {
		this.reconciler.clear().forEach(ModbusDevice::close);
	}

}
