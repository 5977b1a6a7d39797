package io.parx.bench.collector;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parx.bench.support.Bench;
import io.parx.collector.engine.ChannelConfig;
import io.parx.collector.modbus.ModbusEngine;
import io.parx.collector.modbus.ModbusSettings;
import io.parx.collector.modbus.PlannedRead;
import io.parx.common.config.DataType;
import io.parx.common.config.channel.Protocol;
import io.parx.common.sample.SampleBatchCodec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 4 bench: 100,000 Modbus registers per second through the request planner. Starts
 * j2mod Modbus TCP servers in this JVM, gives the collector's {@link ModbusEngine} one
 * UINT16 channel per register, and reports samples/s, reads/s and the CPU time of the
 * collector's poll threads (the servers' CPU is reported apart).
 *
 * <pre>
 * scripts/bench.sh main io.parx.bench.collector.ModbusThroughputBench [devices] [registersPerDevice] [pollMs] [seconds]
 * </pre> Defaults: 4 devices x 2,500 registers every 100 ms = 100,000 registers/s for 20
 * s.
 */
public final class ModbusThroughputBench {

	private ModbusThroughputBench() {
	}

	public static void main(String[] args) throws Exception {
		int devices = (args.length > 0) ? Integer.parseInt(args[0]) : 4;
		int registers = (args.length > 1) ? Integer.parseInt(args[1]) : 2500;
		int pollMs = (args.length > 2) ? Integer.parseInt(args[2]) : 100;
		int seconds = (args.length > 3) ? Integer.parseInt(args[3]) : 20;
		JsonMapper json = JsonMapper.builder().build();
		List<ModbusSlave> slaves = new ArrayList<>();
		List<ChannelConfig> channels = new ArrayList<>();
		long id = 1;
		for (int d = 0; d < devices; d++) {
			int port = Bench.freePort();
			SimpleProcessImage image = new SimpleProcessImage();
			for (int r = 0; r < registers; r++) {
				image.addRegister(new SimpleRegister(r % 65536));
			}
			ModbusSlave slave = ModbusSlaveFactory.createTCPSlave(port, 4);
			slave.addProcessImage(1, image);
			slave.open();
			slaves.add(slave);
			for (int r = 0; r < registers; r++) {
				channels.add(new ChannelConfig(
						id++, "bench-" + d + "-" + r, DataType.UINT16, 1, 0, Duration.ofMillis(pollMs), true, null,
						List.of(), Protocol.MODBUS_TCP, json.readTree("{\"host\":\"127.0.0.1\",\"port\":" + port
								+ ",\"unitId\":1," + "\"registerType\":\"HOLDING_REGISTER\",\"address\":" + r + "}"),
						1));
			}
		}
		AtomicLong samples = new AtomicLong();
		AtomicLong bytes = new AtomicLong();
		ModbusEngine engine = new ModbusEngine((batch) -> {
			// Encoding is part of the collector's per-cycle cost, so the bench pays it.
			bytes.addAndGet(SampleBatchCodec.encode(batch).length);
			samples.addAndGet(batch.size());
		}, new ModbusSettings(Duration.ofSeconds(2), 10, Duration.ofMillis(500), Duration.ofSeconds(5),
				Duration.ofMinutes(5)), new SimpleMeterRegistry());
		engine.apply(channels);
		@SuppressWarnings("unchecked")
		List<PlannedRead> plan = (List<PlannedRead>) engine.status().plan();
		System.out.printf(
				"# %d devices x %d registers every %d ms = %,d registers/s target; plan: %d reads per cycle%n", devices,
				registers, pollMs, (long) devices * registers * 1000 / pollMs, plan.size());

		LockSupport.parkNanos(Duration.ofSeconds(3).toNanos()); // warm-up
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long samples0 = samples.get();
		long pollCpu0 = cpu(threads, "parx-modbus-");
		long processCpu0 = Bench.processCpuNanos();
		long start = System.nanoTime();
		LockSupport.parkNanos(Duration.ofSeconds(seconds).toNanos());
		double elapsed = (System.nanoTime() - start) / 1e9;
		long n = samples.get() - samples0;
		double pollCpu = (cpu(threads, "parx-modbus-") - pollCpu0) / 1e9;
		double processCpu = (Bench.processCpuNanos() - processCpu0) / 1e9;
		System.out.printf("samples/s            %,.0f%n", n / elapsed);
		System.out.printf("reads/s              %,.0f%n", plan.size() * 1000.0 / pollMs);
		System.out.printf("encoded bytes/sample %.2f%n", (double) bytes.get() / samples.get());
		System.out.printf("poll threads CPU     %.1f%% of one core (collector side)%n", 100 * pollCpu / elapsed);
		System.out.printf("whole JVM CPU        %.1f%% of one core (includes the in-process Modbus servers)%n",
				100 * processCpu / elapsed);
		System.out.printf(java.util.Locale.ROOT,
				"BENCH {\"scenario\":\"modbus-polling\",\"samplesPerSecond\":%.0f,\"readsPerSecond\":%.0f,"
						+ "\"encodedBytesPerSample\":%.2f,\"pollThreadsCpuPercent\":%.1f,\"jvmCpuPercent\":%.1f}%n",
				n / elapsed, plan.size() * 1000.0 / pollMs, (double) bytes.get() / samples.get(),
				100 * pollCpu / elapsed, 100 * processCpu / elapsed);
		engine.close();
		slaves.forEach(ModbusSlaveFactory::close);
		System.exit(0);
	}

	private static long cpu(ThreadMXBean threads, String prefix) {
		long total = 0;
		for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().startsWith(prefix)) {
				long t = threads.getThreadCpuTime(info.getThreadId());
				total += Math.max(t, 0);
			}
		}
		return total;
	}

}
