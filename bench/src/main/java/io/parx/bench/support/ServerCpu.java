package io.parx.bench.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * CPU time of a local PostgreSQL server: its postmaster and every process it forked, the
 * ones that already exited included (their time is in the postmaster's {@code cutime}).
 * Found from a connection's backend pid, so it works only when the server runs on this
 * host (otherwise NaN). It counts every database of the server, so other work on the same
 * server shows up in it too.
 */
public final class ServerCpu {

	/** USER_HZ of /proc/<pid>/stat, 100 on every Linux architecture ParX runs on. */
	private static final double TICKS_PER_SECOND = 100;

	private final long postmaster;

	private ServerCpu(long postmaster) {
		this.postmaster = postmaster;
	}

	public static ServerCpu of(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select pg_backend_pid()")) {
			rs.next();
			String[] stat = stat(rs.getLong(1));
			return new ServerCpu((stat != null) ? Long.parseLong(stat[1]) : -1);
		}
	}

	/** CPU seconds used so far, NaN when the server is not on this host. */
	public double seconds() {
		String[] main = stat(this.postmaster);
		if (main == null) {
			return Double.NaN;
		}
		long ticks = Long.parseLong(main[11]) + Long.parseLong(main[12]) + Long.parseLong(main[13])
				+ Long.parseLong(main[14]);
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : (Iterable<Path>) processes::iterator) {
				String name = process.getFileName().toString();
				if (name.chars().allMatch(Character::isDigit)) {
					String[] stat = stat(Long.parseLong(name));
					if (stat != null && Long.parseLong(stat[1]) == this.postmaster) {
						ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
					}
				}
			}
		}
		catch (IOException ex) {
			return Double.NaN;
		}
		return ticks / TICKS_PER_SECOND;
	}

	/** Fields of /proc/<pid>/stat after the command name: [0] is field 3 (state). */
	private static String[] stat(long pid) {
		try {
			String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			return line.substring(line.lastIndexOf(')') + 2).split(" ");
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

}
