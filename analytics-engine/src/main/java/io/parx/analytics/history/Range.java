package io.parx.analytics.history;

import java.time.Duration;
import java.time.Instant;

import io.parx.analytics.system.AnalyticsSettings;
import io.parx.common.problem.Problems;

/** A checked half-open time range [from, to) no longer than the configured maximum. */
public record Range(Instant from, Instant to) {

	public static Range of(Instant from, Instant to, AnalyticsSettings settings) {
		if (from == null) {
			throw Problems.validation("from", "is required (ISO-8601 time)");
		}
		if (to == null) {
			throw Problems.validation("to", "is required (ISO-8601 time)");
		}
		if (!to.isAfter(from)) {
			throw Problems.validation("to", "must be after from");
		}
		if (Duration.between(from, to).compareTo(settings.maxRange()) > 0) {
			throw Problems.tooLarge("the range exceeds " + settings.maxRange().toDays() + " days",
					"split the range into several requests");
		}
		return new Range(from, to);
	}

}
