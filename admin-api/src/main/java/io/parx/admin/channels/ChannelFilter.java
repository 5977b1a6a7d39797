package io.parx.admin.channels;

import io.parx.common.config.channel.Protocol;

/**
 * What the channel list is narrowed to; {@code null} means "any".
 *
 * @param name part of the name, case-insensitive
 * @param tag one tag the channel carries
 * @param protocol the protocol
 * @param device part of the device address (Modbus host, OPC UA endpoint, MQTT broker)
 * @param collector the assigned collector instance
 * @param enabled only enabled or only disabled channels
 */
record ChannelFilter(String name, String tag, Protocol protocol, String device, String collector, Boolean enabled) {
}
