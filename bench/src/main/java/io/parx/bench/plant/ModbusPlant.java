package io.parx.bench.plant;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.parx.bench.support.Bench;

/**
 * The simulated plant: j2mod Modbus TCP slaves in the bench's JVM (unit id 1), each with
 * {@code registers} holding registers whose values all change once per period, so every
 * poll reads new values as on a running line.
 */
final class ModbusPlant implements AutoCloseable {

	private final List<ModbusSlave> slaves = new ArrayList<>();

	private final List<SimpleProcessImage> images = new ArrayList<>();

	private final List<Integer> ports = new ArrayList<>();

	private final int registers;

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "plant-ticker");
		thread.setDaemon(true);
		return thread;
	});

	private long tick;

	private boolean closed;

	ModbusPlant(int devices, int registers, Duration period) throws IOException, ModbusException {
		this.registers = registers;
		for (int d = 0; d < devices; d++) {
			int port = Bench.freePort();
			SimpleProcessImage image = new SimpleProcessImage();
			for (int r = 0; r < registers; r++) {
				image.addRegister(new SimpleRegister(r & 0xFFFF));
			}
			ModbusSlave slave = ModbusSlaveFactory.createTCPSlave(port, 4);
			slave.addProcessImage(1, image);
			slave.open();
			this.slaves.add(slave);
			this.images.add(image);
			this.ports.add(port);
		}
		long periodMicros = period.toNanos() / 1000;
		this.ticker.scheduleAtFixedRate(this::change, periodMicros, periodMicros, TimeUnit.MICROSECONDS);
	}

	List<Integer> ports() {
		return this.ports;
	}

	private void change() {
		this.tick++;
		for (SimpleProcessImage image : this.images) {
			for (int r = 0; r < this.registers; r++) {
				image.getRegister(r).setValue((int) ((this.tick * 7 + r) & 0xFFFF));
			}
		}
	}

	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.ticker.shutdownNow();
		this.slaves.forEach(ModbusSlaveFactory::close);
	}

}
