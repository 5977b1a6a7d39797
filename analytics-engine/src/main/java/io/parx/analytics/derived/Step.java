package io.parx.analytics.derived;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.parx.common.problem.Problems;

/**
 * The grid step of a formula evaluation: {@code 10s}, {@code 5m}, {@code 1h}, {@code 1d}
 * or ISO-8601.
 */
public final class Step {

	private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

	private Step() {
	}

	/** Microseconds of the step, or 0 when absent (choose automatically). */
	public static long parse(String field, String text) {
		if (text == null || text.isBlank()) {
			return 0;
		}
		String value = text.strip().toLowerCase(Locale.ROOT);
		Matcher matcher = SHORT.matcher(value);
		Duration duration;
		if (matcher.matches()) {
			long amount = Long.parseLong(matcher.group(1));
			duration = switch (matcher.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			};
		}
		else {
			try {
				duration = Duration.parse(text.strip());
			}
			catch (DateTimeParseException ex) {
				throw Problems.validation(field, "must be like 10s, 5m, 1h, 1d or an ISO-8601 duration");
			}
		}
		if (duration.toMillis() < 1 || duration.toDays() > 366) {
			throw Problems.validation(field, "must be between 1ms and 366 days");
		}
		return duration.toNanos() / 1_000;
	}

	/** The finest whole-second step that gives at most {@code maxPoints} grid points. */
	public static long auto(long rangeMicros, int maxPoints) {
		long step = Math.ceilDiv(rangeMicros, maxPoints);
		return Math.max(1_000_000L, Math.ceilDiv(step, 1_000_000L) * 1_000_000L);
	}

}
