package io.parx.bench.latency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures read from outside the services: the CPU time of shared servers by program name
 * and quantiles of a timer in a Prometheus scrape.
 */
final class ProcessMetrics {

	private ProcessMetrics() {
	}

	/**
	 * CPU seconds used so far by all processes running {@code program} (e.g.
	 * {@code mosquitto}); on a shared machine that includes other users of the same
	 * server.
	 */
	static double cpuSeconds(String program) {
		return ProcessHandle.allProcesses()
			.filter((process) -> program.equals(name(process)))
			.mapToDouble((process) -> process.info().totalCpuDuration().map((cpu) -> cpu.toNanos() / 1e9).orElse(0.0))
			.sum();
	}

	/**
	 * The process name the kernel shows ({@code /proc/<pid>/comm}): Debian's redis-server
	 * is a link to another binary, so the executable's path does not name it.
	 */
	private static String name(ProcessHandle process) {
		try {
			return Files.readString(Path.of("/proc", Long.toString(process.pid()), "comm")).strip();
		}
		catch (IOException ex) {
			return "";
		}
	}

	/** A quantile of a Micrometer timer in a Prometheus scrape, in milliseconds. */
	static double quantileMillis(String prometheus, String timer, String quantile) {
		Matcher matcher = Pattern
			.compile(Pattern.quote(timer) + "\\{[^}]*quantile=\"" + Pattern.quote(quantile) + "\"[^}]*} ([0-9.eE+-]+)")
			.matcher(prometheus);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) * 1000 : Double.NaN;
	}

}
