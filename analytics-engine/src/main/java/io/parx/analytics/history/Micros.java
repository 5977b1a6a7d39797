package io.parx.analytics.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Conversions between microseconds since the epoch and the JDBC/JSON time types. */
public final class Micros {

	private Micros() {
	}

	public static long of(Instant time) {
		return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000);
	}

	public static Instant toInstant(long micros) {
		return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
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

}
