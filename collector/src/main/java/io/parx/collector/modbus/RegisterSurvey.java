package io.parx.collector.modbus;

import io.parx.common.discovery.RegisterSurveyRequest;
import io.parx.common.discovery.RegisterSurveyResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.ghgande.j2mod.modbus.ModbusSlaveException;

import io.parx.collector.discovery.DiscoveryProblems;
import io.parx.common.discovery.RegisterSurveyResult.Bit;
import io.parx.common.discovery.RegisterSurveyResult.Block;
import io.parx.common.discovery.RegisterSurveyResult.Register;
import io.parx.common.config.DataType;
import io.parx.common.config.InvalidSettingsException;
import io.parx.common.config.channel.ModbusAddress;
import io.parx.common.config.channel.ModbusTcpSettings;
import io.parx.common.config.channel.RegisterType;
import io.parx.common.problem.Problems;
import io.parx.common.problem.Problems.FieldError;

/**
 * Reads a range of one table of a Modbus device in blocks the protocol allows (at most
 * 125 registers or 2,000 bits, Modbus Application Protocol §6.1-6.4) on a connection of
 * its own, each request sent once: an exception response or a silent block is that
 * block's outcome and the others are still read; only a device that cannot be connected
 * to fails the discovery. Blocks left when the time limit is reached are reported as not
 * read.
 *
 * @param device the device
 * @param table the table read
 * @param address the first address, 0-based
 * @param count registers or bits to read
 * @param blockSize registers or bits per read
 * @param timeoutMs response timeout of each read
 */
record RegisterSurvey(DeviceKey device, RegisterType table, int address, int count, int blockSize, int timeoutMs) {

	/** Modbus Application Protocol §7: the address is not one the device has. */
	private static final int ILLEGAL_DATA_ADDRESS = 2;

	/** Longest a discovery reads; later blocks are reported as not read. */
	static final Duration TIME_LIMIT = Duration.ofSeconds(30);

	/**
	 * Reads the request with the Modbus channel contract, so a host, port, unit or
	 * address is refused as a channel's would be.
	 * @param defaultTimeout {@code parx.collector.modbus.timeout}
	 * @throws io.parx.common.problem.ProblemException 400 naming the refused fields
	 */
	static RegisterSurvey of(RegisterSurveyRequest request, Duration defaultTimeout) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("host", request.host());
		fields.put("port", request.port());
		fields.put("unitId", request.unitId());
		fields.put("registerType", request.registerType().name());
		fields.put("address", request.address());
		fields.put("maxRegistersPerRequest", request.maxRegistersPerRequest());
		fields.values().removeIf(Objects::isNull);
		ModbusTcpSettings contract;
		try {
			contract = ModbusTcpSettings.fromJson(fields,
					request.registerType().isBit() ? DataType.BOOL : DataType.UINT16);
		}
		catch (InvalidSettingsException ex) {
			throw Problems
				.validation(ex.problems().stream().map((p) -> new FieldError(p.field(), p.message())).toList());
		}
		if (request.address() + request.count() - 1 > ModbusAddress.MAX_ADDRESS) {
			throw Problems.validation("count", "the range runs past address " + ModbusAddress.MAX_ADDRESS);
		}
		int blockSize = (contract.maxRegistersPerRequest() != null) ? contract.maxRegistersPerRequest()
				: request.registerType().maxPerRequest();
		int timeoutMs = (request.timeoutMs() != null) ? request.timeoutMs()
				: (int) Math.clamp(defaultTimeout.toMillis(), 1, RegisterSurveyRequest.MAX_TIMEOUT_MS);
		return new RegisterSurvey(new DeviceKey(contract.host(), contract.port(), contract.unitId()),
				request.registerType(), request.address(), request.count(), blockSize, timeoutMs);
	}

	/**
	 * Connects and reads every block.
	 * @throws io.parx.common.problem.ProblemException 502 when the device cannot be
	 * connected to, 504 when connecting takes longer than the timeout
	 */
	RegisterSurveyResult run() {
		long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
		int[] words = new int[this.count];
		boolean[] bits = new boolean[this.count];
		boolean[] read = new boolean[this.count];
		List<Block> blocks = new ArrayList<>();
		try (ModbusConnection connection = ModbusConnection.singleTry(this.device, this.timeoutMs)) {
			connect(connection);
			for (int start = 0; start < this.count; start += this.blockSize) {
				int size = Math.min(this.blockSize, this.count - start);
				if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
					blocks.add(new Block(this.address + start, size, null,
							"not read: the discovery's time limit of " + TIME_LIMIT.toSeconds() + " s was reached", 0));
					continue;
				}
				blocks.addAll(readBlockOrItsStart(connection, start, size, deadline, words, bits, read));
			}
		}
		return new RegisterSurveyResult(this.device.toString(), this.table, this.address, this.count, blocks,
				this.table.isBit() ? List.of() : registers(words, read),
				this.table.isBit() ? bits(bits, read) : List.of());
	}

	private void connect(ModbusConnection connection) {
		long start = System.nanoTime();
		boolean connected;
		try {
			connected = connection.ensureConnected();
		}
		catch (RuntimeException ex) {
			// j2mod resolves the host name in its constructor and throws unchecked
			throw DiscoveryProblems.failed(this.device + ": cannot connect: "
					+ ModbusErrors.describe((ex.getCause() instanceof Exception cause) ? cause : ex));
		}
		if (!connected) {
			String reason = this.device + ": " + connection.status().lastError();
			if (System.nanoTime() - start >= this.timeoutMs * 1_000_000L - 10_000_000L) {
				throw DiscoveryProblems.timedOut(reason);
			}
			throw DiscoveryProblems.failed(reason);
		}
	}

	/**
	 * Reads a block; when the device refuses it as an illegal data address (exception 02)
	 * the range may just run past the device's last register, so the longest start of the
	 * block that the device reads is found by halving (a few requests, each answered at
	 * once) and reported read, the rest refused. A block refused from its first address
	 * stays one refused block.
	 */
	private List<Block> readBlockOrItsStart(ModbusConnection connection, int start, int size, long deadline,
			int[] words, boolean[] bits, boolean[] read) {
		Block block = readBlock(connection, start, size, deadline, words, bits, read);
		if (!illegalAddress(block) || size == 1) {
			return List.of(block);
		}
		int readable = 0;
		int refused = size;
		long latency = block.latencyMs();
		while (refused - readable > 1 && System.nanoTime() < deadline) {
			int probe = (readable + refused) >>> 1;
			Block part = readBlock(connection, start, probe, deadline, words, bits, read);
			latency = part.latencyMs();
			if (part.error() == null) {
				readable = probe;
			}
			else if (illegalAddress(part)) {
				refused = probe;
			}
			else {
				break;
			}
		}
		if (readable == 0) {
			return List.of(block);
		}
		return List.of(new Block(this.address + start, readable, null, null, latency),
				new Block(this.address + start + readable, size - readable, block.exceptionCode(), block.error(),
						block.latencyMs()));
	}

	private static boolean illegalAddress(Block block) {
		return block.exceptionCode() != null && block.exceptionCode() == ILLEGAL_DATA_ADDRESS;
	}

	private Block readBlock(ModbusConnection connection, int start, int size, long deadline, int[] words,
			boolean[] bits, boolean[] read) {
		int first = this.address + start;
		long began = System.nanoTime();
		int timeout = (int) Math.clamp((deadline - began) / 1_000_000, 1, this.timeoutMs);
		try {
			if (!connection.ensureConnected()) {
				return new Block(first, size, null, "not read: " + connection.status().lastError(), elapsed(began));
			}
			connection.timeout(timeout);
			if (this.table.isBit()) {
				System.arraycopy(connection.readBits(this.table, first, size), 0, bits, start, size);
			}
			else {
				System.arraycopy(connection.readRegisters(this.table, first, size), 0, words, start, size);
			}
			Arrays.fill(read, start, start + size, true);
			return new Block(first, size, null, null, elapsed(began));
		}
		catch (ModbusSlaveException ex) {
			return new Block(first, size, ex.getType(), ModbusErrors.reason(ex.getType()), elapsed(began));
		}
		catch (Exception ex) {
			// a late answer would be taken for the next block's: start that one afresh
			String reason = (elapsed(began) >= timeout - 10) ? "no answer within " + timeout + " ms"
					: "request failed: " + ModbusErrors.describe(ex);
			connection.failed(reason);
			return new Block(first, size, null, reason, elapsed(began));
		}
	}

	private List<Register> registers(int[] words, boolean[] read) {
		RegisterDecodings decodings = new RegisterDecodings(this.device, this.table);
		List<Register> registers = new ArrayList<>();
		int run = 0;
		int[] runs = new int[this.count];
		for (int i = this.count - 1; i >= 0; i--) {
			run = read[i] ? run + 1 : 0;
			runs[i] = run;
		}
		for (int i = 0; i < this.count; i++) {
			if (!read[i]) {
				continue;
			}
			int word = words[i];
			registers.add(new Register(this.address + i, new ModbusAddress(this.table, this.address + i, 1).reference(),
					word, HexFormat.of().withUpperCase().toHexDigits((short) word), text(word),
					decodings.decode(words, i, runs[i])));
		}
		return registers;
	}

	private List<Bit> bits(boolean[] bits, boolean[] read) {
		List<Bit> result = new ArrayList<>();
		for (int i = 0; i < this.count; i++) {
			if (read[i]) {
				result.add(new Bit(this.address + i, new ModbusAddress(this.table, this.address + i, 1).reference(),
						bits[i]));
			}
		}
		return result;
	}

	private static String text(int word) {
		return new String(new char[] { printable(word >>> 8), printable(word & 0xFF) });
	}

	private static char printable(int b) {
		return (b >= 0x20 && b < 0x7F) ? (char) b : '.';
	}

	private static long elapsed(long since) {
		return (System.nanoTime() - since) / 1_000_000;
	}

}
