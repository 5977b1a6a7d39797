package io.parx.analytics.query;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One series of a query answer.
 *
 * @param kind channel or derived
 * @param id the channel's or derived signal's id
 * @param name its name
 * @param unit its unit
 * @param interval raw or the bucket interval actually used
 * @param source where the points came from: raw, rollup_1m, rollup_1h, a downsampled
 * variant, or formula
 * @param points raw points ({@code time, value, quality}) or buckets
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Series(String kind, long id, String name, String unit, String interval, String source, List<?> points) {

}
