package io.parx.collector.modbus;

import java.util.List;

/**
 * One read of the request plan, as shown by the status API.
 *
 * @param device the device
 * @param pollIntervalMs its timebase
 * @param registerType the data table
 * @param start first address
 * @param count registers or bits
 * @param channelIds channels served by this read
 * @param error reason of the last exception response when the read isolates a failing
 * channel, else {@code null}
 */
public record PlannedRead(String device, long pollIntervalMs, String registerType, int start, int count,
		List<Long> channelIds, String error) {

}
