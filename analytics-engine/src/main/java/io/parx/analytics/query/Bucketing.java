package io.parx.analytics.query;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import io.parx.analytics.history.Micros;

/**
 * Which bucket a time falls in: fixed widths aligned to the Unix epoch (UTC) for 1s, 1m
 * and 1h; local calendar days of the requested time zone for 1d, so a day in Berlin
 * starts at local midnight and lasts 23 or 25 hours at the daylight-saving switches.
 */
record Bucketing(Interval interval, ZoneId zone) {

	long bucketOf(long micros) {
		if (this.interval == Interval.DAY) {
			ZonedDateTime local = Micros.toInstant(micros).atZone(this.zone).truncatedTo(ChronoUnit.DAYS);
			return Micros.of(local.toInstant());
		}
		return Math.floorDiv(micros, this.interval.micros()) * this.interval.micros();
	}

	long next(long bucket) {
		if (this.interval == Interval.DAY) {
			return Micros.of(Micros.toInstant(bucket).atZone(this.zone).plusDays(1).toInstant());
		}
		return bucket + this.interval.micros();
	}

	/**
	 * Whether hourly rollups can build this interval's buckets: true unless days are
	 * asked for in a zone whose offset is not whole hours in the range (India, Nepal).
	 */
	boolean hourlyRollupsAlign(Instant from, Instant to) {
		if (this.interval != Interval.DAY) {
			return this.interval.micros() % 3_600_000_000L == 0;
		}
		var rules = this.zone.getRules();
		for (Instant time = from; time
			.isBefore(to); time = rules.nextTransition(time) != null ? rules.nextTransition(time).getInstant() : to) {
			ZoneOffset offset = rules.getOffset(time);
			if (offset.getTotalSeconds() % 3600 != 0) {
				return false;
			}
		}
		return true;
	}

	/** Number of buckets overlapping [from, to). */
	long count(Instant from, Instant to) {
		long first = bucketOf(Micros.of(from));
		long end = Micros.of(to);
		if (this.interval != Interval.DAY) {
			return Math.ceilDiv(end - first, this.interval.micros());
		}
		return Math.ceilDiv(end - first, 82_800_000_000L);
	}

}
