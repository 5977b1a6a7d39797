package io.parx.analytics.query;

import java.util.Locale;

import io.parx.common.problem.Problems;

/** How a raw answer larger than maxPoints keeps its visual shape. */
public enum Downsample {

	/** Not downsampled: more than maxPoints is 413. */
	NONE,
	/**
	 * Largest-Triangle-Three-Buckets (Steinarsson 2013): keeps peaks and the first and
	 * last point.
	 */
	LTTB,
	/** Minimum and maximum of each bucket, in time order. */
	MINMAX;

	static Downsample parse(String field, String value) {
		if (value == null || value.isBlank()) {
			return NONE;
		}
		try {
			return valueOf(value.strip().toUpperCase(Locale.ROOT).replace("-", ""));
		}
		catch (IllegalArgumentException ex) {
			throw Problems.validation(field, "must be one of none, lttb, minmax");
		}
	}

}
