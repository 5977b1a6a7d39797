package io.parx.router.channels;

/**
 * A channel was disabled, re-enabled or deleted in the config database.
 *
 * @param channelId the channel
 * @param status its new state
 */
public record ChannelStatusChanged(long channelId, ChannelStatus status) {

}
