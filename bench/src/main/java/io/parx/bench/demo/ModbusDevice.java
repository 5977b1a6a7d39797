package io.parx.bench.demo;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;

/**
 * The demo plant's PLC: a j2mod Modbus TCP slave, unit id 1. Register map (0-based PDU
 * addresses, big-endian words, ABCD):
 * <ul>
 * <li>holding 0-1: furnace temperature, FLOAT32, °C</li>
 * <li>holding 2-3: line speed, FLOAT32, m/s</li>
 * <li>holding 4-5: coil number, INT32</li>
 * <li>holding 6: furnace temperature × 10, INT16</li>
 * <li>coil 0 and discrete input 0: alarm</li>
 * <li>holding 8-9: furnace setpoint, FLOAT32, °C, 850 at start; coil 1: burner on, true
 * at start. Written by ParX (a setpoint widget, {@code POST
 * /api/v1/io/channels/{id}/write}) and never by the simulation, so what was written stays
 * to be read back.</li>
 * </ul>
 */
public final class ModbusDevice implements AutoCloseable {

	/** Holding register of the furnace temperature (FLOAT32). */
	public static final int FURNACE_TEMPERATURE = 0;

	/** Holding register of the line speed (FLOAT32). */
	public static final int LINE_SPEED = 2;

	/** Holding register of the coil number (INT32). */
	public static final int COIL_NUMBER = 4;

	/** Holding register of the furnace temperature in tenths of a degree (INT16). */
	public static final int FURNACE_TENTHS = 6;

	/** Coil (and discrete input) of the alarm. */
	public static final int ALARM = 0;

	/** Holding register of the furnace setpoint (FLOAT32), written from outside only. */
	public static final int FURNACE_SETPOINT = 8;

	/** Coil of the burner switch, written from outside only. */
	public static final int BURNER = 1;

	private final SimpleProcessImage image = new SimpleProcessImage();

	private final int port;

	private ModbusSlave slave;

	public ModbusDevice(int port) {
		this.port = port;
		for (int i = 0; i < 16; i++) {
			this.image.addRegister(new SimpleRegister(0));
			this.image.addInputRegister(new SimpleInputRegister(0));
			this.image.addDigitalOut(new SimpleDigitalOut(false));
			this.image.addDigitalIn(new SimpleDigitalIn(false));
		}
		synchronized (this.image) {
			writeInt32(FURNACE_SETPOINT, Float.floatToIntBits((float) PlantSimulation.FURNACE_SETPOINT));
			this.image.getDigitalOut(BURNER).set(true);
		}
		start();
	}

	/**
	 * Opens the slave on its port (again, after {@link #stop()}) with the registers as
	 * they were: a device coming back after a power cut or a cable pulled.
	 */
	public synchronized void start() {
		try {
			this.slave = ModbusSlaveFactory.createTCPSlave(this.port, 10);
			this.slave.addProcessImage(1, this.image);
			this.slave.open();
		}
		catch (ModbusException ex) {
			throw new IllegalStateException("cannot start the Modbus TCP slave on port " + this.port, ex);
		}
	}

	/**
	 * Closes the slave: connections drop and new ones are refused until {@link #start()}.
	 */
	public synchronized void stop() {
		ModbusSlaveFactory.close(this.slave);
	}

	public int port() {
		return this.port;
	}

	/** Publishes one state of the plant in the register map. */
	public void update(PlantSimulation.State state) {
		synchronized (this.image) {
			writeInt32(FURNACE_TEMPERATURE, Float.floatToIntBits((float) state.furnaceTemperature()));
			writeInt32(LINE_SPEED, Float.floatToIntBits((float) state.lineSpeed()));
			writeInt32(COIL_NUMBER, state.coilNumber());
			this.image.getRegister(FURNACE_TENTHS).setValue((short) Math.round(state.furnaceTemperature() * 10));
			this.image.getDigitalOut(ALARM).set(state.alarm());
			((SimpleDigitalIn) this.image.getDigitalIn(ALARM)).set(state.alarm());
		}
	}

	/**
	 * A FLOAT32 as the holding registers hold it now (big-endian words), for tests of
	 * what a write left on the device.
	 */
	public float holdingFloat32(int address) {
		synchronized (this.image) {
			int high = this.image.getRegister(address).toUnsignedShort();
			int low = this.image.getRegister(address + 1).toUnsignedShort();
			return Float.intBitsToFloat((high << 16) | low);
		}
	}

	/** A coil as it is now. */
	public boolean coil(int address) {
		synchronized (this.image) {
			return this.image.getDigitalOut(address).isSet();
		}
	}

	private void writeInt32(int address, int bits) {
		this.image.getRegister(address).setValue((bits >>> 16) & 0xFFFF);
		this.image.getRegister(address + 1).setValue(bits & 0xFFFF);
		((SimpleInputRegister) this.image.getInputRegister(address)).setValue((bits >>> 16) & 0xFFFF);
		((SimpleInputRegister) this.image.getInputRegister(address + 1)).setValue(bits & 0xFFFF);
	}

	@Override
	public void close() {
		stop();
	}

}
