package io.parx.admin.channels;

import io.swagger.v3.oas.annotations.media.Schema;

/** How the collector reaches a channel; selects the shape of its settings. */
@Schema(name = "Protocol", enumAsRef = true)
public enum Protocol {

	MODBUS_TCP, OPCUA, MQTT, SIMULATOR

}
