package io.parx.analytics.history;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions between microseconds since the epoch and the JDBC/JSON time types. */
public final class Micros {

	private Micros() {
	}

	public static long of(Instant time) {
		return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000);
	}

	public static Instant toInstant(long micros) {
		return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
	}

	public static OffsetDateTime toOffsetDateTime(long micros) {
		return OffsetDateTime.ofInstant(toInstant(micros), ZoneOffset.UTC);
	}

	static OffsetDateTime sql(Instant time) {
		return OffsetDateTime.ofInstant(time, ZoneOffset.UTC);
	}

	static long of(OffsetDateTime time) {
		return of(time.toInstant());
	}

	/**
	 * A {@code timestamptz} column read with {@code getTimestamp}: in binary transfer the
	 * driver builds it straight from the server's 8-byte microsecond count, which is far
	 * cheaper than the calendar arithmetic behind {@code getObject(OffsetDateTime)}.
	 */
	static long of(Timestamp time) {
		// getNanos() holds the whole fraction of the second, getTime() its milliseconds
		// too.
		return Math.floorDiv(time.getTime(), 1_000L) * 1_000_000L + time.getNanos() / 1_000;
	}

}
