package io.parx.bench.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Small helpers every load scenario needs: options, the load average, ports, numbers for
 * BENCH lines.
 */
public final class Bench {

	private Bench() {
	}

	/** {@code --name value} pairs. */
	public static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		return options;
	}

	public static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** The CPU time this JVM has used so far, in nanoseconds. */
	public static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/** A number for a JSON summary line: {@code null} when it is not known. */
	public static String json(double value) {
		return (Double.isNaN(value) || Double.isInfinite(value)) ? "null" : String.format(Locale.ROOT, "%.1f", value);
	}

	public static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
