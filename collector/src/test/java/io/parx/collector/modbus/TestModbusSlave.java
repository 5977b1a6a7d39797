package io.parx.collector.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.parx.collector.support.RedisServerProcess;

/**
 * A real j2mod Modbus TCP server on a free port, with a process image of the given size
 * (addresses beyond it answer exception 02, illegal data address). It can be stopped and
 * started again on the same port, like a device restart.
 */
public final class TestModbusSlave implements AutoCloseable {

	private final int port = RedisServerProcess.freePort();

	private final SimpleProcessImage image = new SimpleProcessImage();

	private ModbusSlave slave;

	public TestModbusSlave(int registers, int bits) {
		for (int i = 0; i < registers; i++) {
			this.image.addRegister(new SimpleRegister(0));
			this.image.addInputRegister(new SimpleInputRegister(0));
		}
		for (int i = 0; i < bits; i++) {
			this.image.addDigitalOut(new SimpleDigitalOut(false));
			this.image.addDigitalIn(new SimpleDigitalIn(false));
		}
		start();
	}

	public int port() {
		return this.port;
	}

	/** Extends the holding registers by one, like a device whose map grew. */
	void addHoldingRegister(int value) {
		this.image.addRegister(new SimpleRegister(value));
	}

	public void holding(int address, int[] words) {
		for (int i = 0; i < words.length; i++) {
			this.image.getRegister(address + i).setValue(words[i]);
		}
	}

	/** The holding registers as a master wrote them, unsigned. */
	public int[] holding(int address, int count) {
		int[] words = new int[count];
		for (int i = 0; i < count; i++) {
			words[i] = this.image.getRegister(address + i).toUnsignedShort();
		}
		return words;
	}

	public boolean coil(int address) {
		return this.image.getDigitalOut(address).isSet();
	}

	void input(int address, int[] words) {
		for (int i = 0; i < words.length; i++) {
			((SimpleInputRegister) this.image.getInputRegister(address + i)).setValue(words[i]);
		}
	}

	public void coil(int address, boolean value) {
		this.image.getDigitalOut(address).set(value);
	}

	void discreteInput(int address, boolean value) {
		((SimpleDigitalIn) this.image.getDigitalIn(address)).set(value);
	}

	void start() {
		try {
			this.slave = ModbusSlaveFactory.createTCPSlave(this.port, 5);
			this.slave.addProcessImage(1, this.image);
			this.slave.open();
		}
		catch (ModbusException ex) {
			throw new IllegalStateException("cannot start the Modbus test server on " + this.port, ex);
		}
	}

	void stop() {
		ModbusSlaveFactory.close(this.slave);
	}

	@Override
	public void close() {
		stop();
	}

}
