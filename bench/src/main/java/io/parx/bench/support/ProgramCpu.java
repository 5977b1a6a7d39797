package io.parx.bench.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the shared servers a scenario leans on (Mosquitto, Redis), found by program
 * name; on a shared machine that includes their other users.
 */
public final class ProgramCpu {

	private ProgramCpu() {
	}

	/**
	 * CPU seconds used so far by all processes running {@code program} (e.g.
	 * {@code mosquitto}).
	 */
	public static double seconds(String program) {
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

}
