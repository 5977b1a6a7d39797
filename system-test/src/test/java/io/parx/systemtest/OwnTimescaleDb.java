package io.parx.systemtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.parx.db.test.TestServices;

/**
 * A TimescaleDB server of the system test's own, a second cluster run from the cached
 * folder of {@code scripts/timescaledb.sh} on a port of its own, so that the test can
 * really stop and start the server under the services without touching the machine's
 * shared one. Needs what the script needs (root, for its chroot); the folder is built by
 * {@code .ci/run} before the tests.
 */
final class OwnTimescaleDb implements AutoCloseable {

	private final Path script;

	private final int port;

	private OwnTimescaleDb(Path script, int port) {
		this.script = script;
		this.port = port;
	}

	static OwnTimescaleDb start(Path repositoryRoot, int port) {
		OwnTimescaleDb server = new OwnTimescaleDb(repositoryRoot.resolve("scripts").resolve("timescaledb.sh"), port);
		server.run("drop");
		server.start();
		return server;
	}

	TestServices.Postgres server() {
		return new TestServices.Postgres("the system test's own TimescaleDB", "127.0.0.1", this.port, "postgres", null);
	}

	void start() {
		run("start");
	}

	/** Stops the server the way an administrator does ({@code pg_ctl stop -m fast}). */
	void stop() {
		run("stop");
	}

	@Override
	public void close() {
		run("drop");
	}

	private void run(String command) {
		ProcessBuilder builder = new ProcessBuilder("bash", this.script.toString(), command).redirectErrorStream(true);
		builder.environment().put("PARX_TSDB_PORT", Integer.toString(this.port));
		builder.environment().put("PARX_TSDB_DATA", "/var/lib/parx/system-test-" + this.port);
		try {
			// output to a file, so that a hung script times out instead of blocking a
			// read
			Path output = Files.createTempFile("parx-system-test-timescaledb-", ".log");
			builder.redirectOutput(output.toFile());
			Process process = builder.start();
			boolean finished = process.waitFor(120, TimeUnit.SECONDS);
			if (!finished) {
				process.destroyForcibly();
			}
			if (!finished || process.exitValue() != 0) {
				throw new AssertionError("scripts/timescaledb.sh " + command + " for the system test's own TimescaleDB "
						+ "on port " + this.port + (finished ? " failed" : " did not finish within 120 s")
						+ " (it needs root and the cached Debian trixie folder; "
						+ "run scripts/timescaledb.sh start once as root to build it):\n"
						+ Files.readString(output, StandardCharsets.UTF_8));
			}
			Files.delete(output);
		}
		catch (IOException ex) {
			throw new AssertionError("cannot run " + this.script, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted while running " + this.script, ex);
		}
	}

}
