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
 * @param state whether it runs or is misconfigured
 * @param reason why it is misconfigured, human-readable; {@code null} when it runs
 */
public record ChannelStatus(long channelId, SampleValue lastValue, int quality, Instant lastGoodTime,
		double readsPerSecond, ChannelState state, String reason) {

	public ChannelStatus {
		state = (state != null) ? state : ChannelState.RUNNING;
	}

	/** A running channel. */
	public ChannelStatus(long channelId, SampleValue lastValue, int quality, Instant lastGoodTime,
			double readsPerSecond) {
		this(channelId, lastValue, quality, lastGoodTime, readsPerSecond, ChannelState.RUNNING, null);
	}

}
