package io.parx.collector.engine;

import java.time.Instant;

import io.parx.common.sample.SampleValue;

/**
 * State of one running channel.
 *
 * @param channelId the channel id
 * @param lastValue last value read, {@code null} if none yet
 * @param quality quality of the last sample
 * @param lastGoodTime time of the last good sample, or {@code null}
 * @param readsPerSecond recent read rate
 */
public record ChannelStatus(long channelId, SampleValue lastValue, int quality, Instant lastGoodTime,
		double readsPerSecond) {

}
