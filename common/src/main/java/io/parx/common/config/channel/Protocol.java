package io.parx.common.config.channel;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How the collector reaches a channel (config schema V1, column {@code protocol});
 * selects the shape of its settings, one {@link ChannelSettings} record each.
 */
@Schema(name = "Protocol", enumAsRef = true)
public enum Protocol {

	MODBUS_TCP, OPCUA, MQTT, SIMULATOR

}
