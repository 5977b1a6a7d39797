package io.parx.storage.alarms;

import io.parx.common.config.alarm.AlarmDefinition;

/**
 * An enabled alarm definition with what its messages need of its channel.
 *
 * @param id the definition's id
 * @param definition the definition, read with the contract's reader
 * @param channelName the channel's name, for {@code {channel}}
 * @param unit the channel's unit, for {@code {unit}}
 */
public record WatchedAlarm(long id, AlarmDefinition definition, String channelName, String unit) {

}
