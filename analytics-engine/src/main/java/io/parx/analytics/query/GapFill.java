package io.parx.analytics.query;

import java.util.Locale;

import io.parx.common.problem.Problems;

/** How buckets without samples are answered. */
public enum GapFill {

	/** Left out. */
	NONE,
	/** The previous bucket's values (its last value for first/last). */
	PREVIOUS,
	/** Linearly interpolated between the neighbouring buckets; left out at the edges. */
	LINEAR;

	static GapFill parse(String field, String value) {
		if (value == null || value.isBlank()) {
			return NONE;
		}
		try {
			return valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw Problems.validation(field, "must be one of none, previous, linear");
		}
	}

}
