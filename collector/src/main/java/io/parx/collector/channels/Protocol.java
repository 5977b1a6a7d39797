package io.parx.collector.channels;

/**
 * The protocols a channel can be read with (config schema V1, column {@code protocol}).
 */
public enum Protocol {

	MODBUS_TCP, OPCUA, MQTT, SIMULATOR

}
