package io.parx.collector.modbus;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import io.parx.collector.engine.ConnectionStatus;
import io.parx.common.config.channel.RegisterType;

/**
 * The one TCP connection to a device, reconnected with exponential backoff and jitter
 * after a loss. Not thread-safe: its device's poll thread owns it.
 */
final class ModbusConnection implements AutoCloseable {

	private final DeviceKey key;

	private final int timeoutMs;

	private final Duration reconnectInitial;

	private final Duration reconnectMax;

	private final int tries;

	private ModbusTCPMaster master;

	private volatile String state = ConnectionStatus.DISCONNECTED;

	private volatile String lastError;

	private volatile long reconnectAttempts;

	private long nextAttemptNanos;

	ModbusConnection(DeviceKey key, int timeoutMs, Duration reconnectInitial, Duration reconnectMax) {
		this(key, timeoutMs, reconnectInitial, reconnectMax, 0);
	}

	/**
	 * @param tries how often j2mod sends a request that got no valid answer, 0 for its
	 * default (5)
	 */
	private ModbusConnection(DeviceKey key, int timeoutMs, Duration reconnectInitial, Duration reconnectMax,
			int tries) {
		this.key = key;
		this.timeoutMs = timeoutMs;
		this.reconnectInitial = reconnectInitial;
		this.reconnectMax = reconnectMax;
		this.tries = tries;
	}

	/**
	 * A connection for one read that sends each request once: a device that does not
	 * answer within the timeout is reported, not asked four more times.
	 */
	static ModbusConnection singleTry(DeviceKey key, int timeoutMs) {
		return new ModbusConnection(key, timeoutMs, Duration.ZERO, Duration.ZERO, 1);
	}

	/**
	 * Connects if needed and the backoff allows it.
	 * @return whether the connection is up
	 */
	boolean ensureConnected() {
		if (this.master != null) {
			return true;
		}
		long now = System.nanoTime();
		if (now < this.nextAttemptNanos) {
			return false;
		}
		this.state = ConnectionStatus.CONNECTING;
		ModbusTCPMaster candidate = new ModbusTCPMaster(this.key.host(), this.key.port(), this.timeoutMs, false);
		try {
			candidate.connect();
			if (this.tries > 0) {
				candidate.setRetries(this.tries);
			}
			this.master = candidate;
			this.state = ConnectionStatus.CONNECTED;
			this.reconnectAttempts = 0;
			return true;
		}
		catch (Exception ex) {
			candidate.disconnect();
			failed("connect failed: " + ex.getMessage());
			return false;
		}
	}

	/** Drops the connection after an I/O failure and schedules the next attempt. */
	void failed(String reason) {
		if (this.master != null) {
			this.master.disconnect();
			this.master = null;
		}
		this.lastError = reason;
		this.state = ConnectionStatus.DISCONNECTED;
		this.reconnectAttempts++;
		long base = this.reconnectInitial.toNanos() << Math.min(this.reconnectAttempts - 1, 20);
		long delay = Math.min(base, this.reconnectMax.toNanos());
		// Jitter: 50-100% of the delay, so that many collectors do not reconnect in step.
		delay = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
		this.nextAttemptNanos = System.nanoTime() + delay;
	}

	/** The time the next requests may wait for an answer. */
	void timeout(int timeoutMs) {
		if (this.master != null) {
			this.master.setTimeout(timeoutMs);
		}
	}

	int[] readRegisters(RegisterType type, int start, int count) throws ModbusException {
		InputRegister[] registers = (type == RegisterType.HOLDING_REGISTER)
				? this.master.readMultipleRegisters(this.key.unitId(), start, count)
				: this.master.readInputRegisters(this.key.unitId(), start, count);
		int[] words = new int[registers.length];
		for (int i = 0; i < registers.length; i++) {
			words[i] = registers[i].toUnsignedShort();
		}
		if (words.length < count) {
			throw new com.ghgande.j2mod.modbus.ModbusIOException(
					"short response: " + words.length + " of " + count + " registers");
		}
		return words;
	}

	boolean[] readBits(RegisterType type, int start, int count) throws ModbusException {
		BitVector bits = (type == RegisterType.COIL) ? this.master.readCoils(this.key.unitId(), start, count)
				: this.master.readInputDiscretes(this.key.unitId(), start, count);
		boolean[] result = new boolean[count];
		for (int i = 0; i < count; i++) {
			result[i] = bits.getBit(i);
		}
		return result;
	}

	/** Function code 5 (Modbus Application Protocol §6.5). */
	void writeCoil(int address, boolean value) throws ModbusException {
		this.master.writeCoil(this.key.unitId(), address, value);
	}

	/**
	 * Function code 6 for one register (§6.6), 16 for more (§6.12), so that a
	 * multi-register value changes in one request.
	 */
	void writeRegisters(int start, int[] words) throws ModbusException {
		if (words.length == 1) {
			this.master.writeSingleRegister(this.key.unitId(), start, new SimpleRegister(words[0]));
			return;
		}
		Register[] registers = new Register[words.length];
		for (int i = 0; i < words.length; i++) {
			registers[i] = new SimpleRegister(words[i]);
		}
		this.master.writeMultipleRegisters(this.key.unitId(), start, registers);
	}

	ConnectionStatus status() {
		return new ConnectionStatus(this.key.toString(), this.state, this.lastError, this.reconnectAttempts);
	}

	@Override
	public void close() {
		if (this.master != null) {
			this.master.disconnect();
			this.master = null;
		}
		this.state = ConnectionStatus.DISCONNECTED;
	}

}
