package io.parx.analytics.query;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.parx.analytics.history.RollupColumn;
import io.parx.common.problem.Problems;
import io.parx.common.web.TextRules;

/**
 * Aggregates of a bucket. {@code twa} is the time-weighted average of the step function
 * (each value holds until the next sample) between the bucket's first and last sample;
 * {@code goodShare} is the share of samples of good quality.
 */
public enum Aggregate {

	AVG("avg"), TWA("twa"), MIN("min"), MAX("max"), FIRST("first"), LAST("last"), COUNT("count"), SUM("sum"),
	STDDEV("stddev"), GOOD_SHARE("goodShare");

	private final String label;

	Aggregate(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * Aggregates the rollups cannot answer (no sum of squares, no count of bad samples).
	 */
	public boolean needsRawRows() {
		return this == STDDEV || this == GOOD_SHARE;
	}

	/** The rollup columns this aggregate reads; the sample count is always read. */
	Set<RollupColumn> rollupColumns() {
		return switch (this) {
			case AVG, SUM -> EnumSet.of(RollupColumn.SUM);
			case MIN -> EnumSet.of(RollupColumn.MIN);
			case MAX -> EnumSet.of(RollupColumn.MAX);
			case FIRST -> EnumSet.of(RollupColumn.FIRST_VALUE);
			case LAST -> EnumSet.of(RollupColumn.LAST_VALUE);
			case TWA -> EnumSet.of(RollupColumn.FIRST_VALUE, RollupColumn.LAST_VALUE, RollupColumn.SAMPLE_TIMES,
					RollupColumn.TWA_INTEGRAL);
			case COUNT, STDDEV, GOOD_SHARE -> EnumSet.noneOf(RollupColumn.class);
		};
	}

	static Set<Aggregate> parse(String field, List<String> values) {
		if (values == null || values.isEmpty()) {
			return EnumSet.of(AVG, MIN, MAX, COUNT);
		}
		Set<Aggregate> result = EnumSet.noneOf(Aggregate.class);
		for (String value : values) {
			Aggregate found = null;
			for (Aggregate aggregate : values()) {
				if (aggregate.label.equalsIgnoreCase(String.valueOf(value).strip())) {
					found = aggregate;
				}
			}
			if (found == null) {
				throw Problems.validation(field, "unknown aggregate '" + TextRules.prefix(String.valueOf(value))
						+ "'; use avg, twa, min, max, first, last, count, sum, stddev, goodShare");
			}
			result.add(found);
		}
		return result;
	}

}
