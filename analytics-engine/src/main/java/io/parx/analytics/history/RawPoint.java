package io.parx.analytics.history;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One stored sample as the API returns it.
 *
 * @param time sample time
 * @param value number, boolean or string; null when the quality is bad
 * @param quality OPC UA StatusCode as an unsigned 32-bit number (0 = Good)
 */
@Schema(description = "A stored sample", requiredProperties = { "time", "value", "quality" })
public record RawPoint(Instant time, @Schema(description = "null when the quality is bad", types = {
		"number", "boolean", "string", "null" }) Object value,
		@Schema(description = "OPC UA StatusCode as an unsigned number: 0 Good") long quality){

}
