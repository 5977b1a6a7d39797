package io.parx.admin.channels;

/** How the collector reaches a channel; selects the shape of its settings. */
public enum Protocol {

	MODBUS_TCP, OPCUA, MQTT, SIMULATOR

}
