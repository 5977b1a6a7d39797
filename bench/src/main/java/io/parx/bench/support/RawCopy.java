package io.parx.bench.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;

/**
 * The physical limit beside an ingest figure: rows written by a plain binary {@code COPY}
 * straight into {@code samples} (no staging, no conflict handling, no rollups), 100,000
 * rows per {@code COPY}, each committed on its own. Scenarios run it against the same
 * table in the same run as the engine, so both numbers see the same machine and load.
 *
 * <p>
 * Row {@code n} belongs to channel {@code n % channels + 1} at {@code t0 + (n / channels)
 * * step}: time-major, every channel once per step, as a plant's poll cycles arrive.
 */
public final class RawCopy {

	private static final int ROWS_PER_COPY = 100_000;

	/** Microseconds from the Unix epoch to PostgreSQL's (2000-01-01). */
	private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

	private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };

	private static final String COPY = "copy samples (channel_id, time, value_num, value_bool, value_text, quality) "
			+ "from stdin (format binary)";

	private RawCopy() {
	}

	/** The value of a channel in a step. */
	@FunctionalInterface
	public interface Values {

		double value(long step, int channel);

	}

	/**
	 * Copies {@code rows} rows into {@code samples}.
	 * @return rows per second, building the COPY payload included
	 */
	public static double rowsPerSecond(Connection connection, long rows, int channels, long t0Micros, long stepMicros,
			Values values) throws SQLException, IOException {
		long started = System.nanoTime();
		for (long from = 0; from < rows; from += ROWS_PER_COPY) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(ROWS_PER_COPY * 60);
			DataOutputStream out = new DataOutputStream(bytes);
			out.write(SIGNATURE);
			out.writeInt(0);
			out.writeInt(0);
			for (long n = from; n < Math.min(rows, from + ROWS_PER_COPY); n++) {
				long step = n / channels;
				int channel = (int) (n % channels) + 1;
				out.writeShort(6);
				out.writeInt(8);
				out.writeLong(channel);
				out.writeInt(8);
				out.writeLong(t0Micros + step * stepMicros - PG_EPOCH_MICROS);
				out.writeInt(8);
				out.writeDouble(values.value(step, channel));
				out.writeInt(-1);
				out.writeInt(-1);
				out.writeInt(4);
				out.writeInt(0);
			}
			out.writeShort(-1);
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn(COPY, new ByteArrayInputStream(bytes.toByteArray()));
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("[raw COPY] %,d rows in %.1f s%n", rows, seconds);
		return rows / seconds;
	}

}
