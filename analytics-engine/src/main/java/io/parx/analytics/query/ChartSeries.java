package io.parx.analytics.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import io.parx.analytics.history.NumericSeries;

/**
 * One series of a chart answer as columns: a trend of ten channels at 1,600 px is 16,300
 * points, about 1 MB as {@link Series} objects (ISO time, value and quality each) and a
 * third of that as three arrays the browser hands to its chart without building an object
 * per point (issue 15).
 *
 * @param kind channel or derived
 * @param id the channel's or derived signal's id
 * @param name its name
 * @param unit its unit
 * @param source where the points came from, as in {@link Series}
 * @param time milliseconds since the epoch, ascending
 * @param value the numeric value at each time (booleans 1/0), null where the sample is
 * bad or not a number
 * @param quality the OPC UA StatusCode of each point; absent when every point is Good (0)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = { "kind", "id", "name", "source", "time", "value" })
public record ChartSeries(@Schema(allowableValues = {
		"channel", "derived" }) String kind, long id, String name, String unit,
		@Schema(description = "raw+lttb, rollup_10s+lttb, ..., rollup_1h+minmax, or formula") String source,
		@ArraySchema(arraySchema = @Schema(description = "Milliseconds since the epoch, ascending"),
				schema = @Schema(type = "integer", format = "int64")) long[] time,
		@ArraySchema(arraySchema = @Schema(description = "One per time; null where the sample is bad or not a number"),
				schema = @Schema(types = { "number", "null" })) Double[] value,
		@ArraySchema(
				arraySchema = @Schema(description = "OPC UA StatusCode per time as an unsigned number; "
						+ "absent when every point is Good (0)"),
				schema = @Schema(type = "integer", format = "int64")) long[] quality){

	static ChartSeries of(Sampled sampled) {
		NumericSeries points = sampled.points();
		int size = points.size();
		long[] time = new long[size];
		Double[] value = new Double[size];
		long[] quality = new long[size];
		boolean allGood = true;
		for (int i = 0; i < size; i++) {
			time[i] = Math.floorDiv(points.time(i), 1_000L);
			double number = points.value(i);
			boolean defined = !Double.isNaN(number);
			value[i] = defined ? number : null;
			// as the points of a query answer: an undefined value is Bad
			quality[i] = defined ? Integer.toUnsignedLong(points.quality(i)) : 0x80000000L;
			allGood &= quality[i] == 0;
		}
		return new ChartSeries(sampled.kind(), sampled.id(), sampled.name(), sampled.unit(), sampled.source(), time,
				value, allGood ? null : quality);
	}

}
