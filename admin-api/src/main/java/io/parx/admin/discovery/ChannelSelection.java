package io.parx.admin.discovery;

import java.util.List;
import java.util.Map;

import io.parx.admin.request.Violations;
import io.parx.common.config.SettingsReader;
import io.parx.common.config.channel.Protocol;

/**
 * Discovered items an engineer picked, of one protocol, to become channels in one request
 * ({@code POST /api/v1/io/discovery/channels}): each kind turns its items into channel
 * rows with the protocol's defaults, which then go through the import path like any
 * channel. What every kind reads alike (shared settings and channel fields, items, names)
 * is {@link SelectionItems}; a new kind is a record here and a case in {@link #read}.
 */
sealed interface ChannelSelection permits OpcUaSelection, MqttSelection, ModbusSelection {

	/** Most items in one selection. */
	int MAX_ITEMS = 1000;

	/** The channels to create, in the JSON form of {@code POST /api/v1/io/channels}. */
	List<Map<String, Object>> channelRows();

	/**
	 * Reads a selection and names every bad field.
	 * @throws org.springframework.web.ErrorResponseException 400 naming every bad field
	 */
	static ChannelSelection read(Map<String, Object> body) {
		Violations violations = new Violations();
		SettingsReader f = violations.reader(body, "");
		Protocol protocol = f.choice("protocol", Protocol.class, null);
		ChannelSelection selection = null;
		if (protocol != null) {
			selection = switch (protocol) {
				case OPCUA -> OpcUaSelection.read(f, violations);
				case MQTT -> MqttSelection.read(f, violations);
				case MODBUS_TCP -> ModbusSelection.read(f, violations);
				case SIMULATOR -> {
					f.reject("protocol", "simulated channels are not discovered: OPCUA, MQTT or MODBUS_TCP");
					yield null;
				}
			};
		}
		violations.throwIfAny();
		return selection;
	}

}
