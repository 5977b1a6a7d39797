package io.parx.analytics.history;

import java.time.Instant;

/**
 * One stored sample as the API returns it.
 *
 * @param time sample time
 * @param value number, boolean or string; null when the quality is bad
 * @param quality OPC UA StatusCode as an unsigned 32-bit number (0 = Good)
 */
public record RawPoint(Instant time, Object value, long quality) {

}
