package io.parx.admin.channels;

import java.util.Map;
import java.util.Set;

import io.parx.common.config.DataType;

/**
 * The protocol-specific part of a channel, one record per protocol. Field names are those
 * of the {@code channel.settings} JSONB column documented in the V1 config schema.
 */
public sealed interface ProtocolSettings permits ModbusTcpSettings, OpcUaSettings, MqttSettings, SimulatorSettings {

	/** Fields that are write-only: stored for the collector, never returned. */
	Set<String> SECRET_FIELDS = Set.of("password");

	Protocol protocol();

	/** The stored form, secrets included (the collector needs them). */
	Map<String, Object> toMap();

	/** Where the device is, for the list's device filter and for humans. */
	String device();

	/**
	 * Reads and validates the settings of one protocol, recording every bad field.
	 * @param stored the settings stored so far (an update without a password keeps the
	 * stored one), or an empty map
	 * @return the settings, or {@code null} when a field was rejected
	 */
	static ProtocolSettings read(Protocol protocol, DataType dataType, Fields fields, Map<String, Object> stored) {
		int before = fields.violations().size();
		ProtocolSettings settings = switch (protocol) {
			case MODBUS_TCP -> ModbusTcpSettings.read(fields, dataType);
			case OPCUA -> OpcUaSettings.read(fields, stored);
			case MQTT -> MqttSettings.read(fields, dataType, stored);
			case SIMULATOR -> SimulatorSettings.read(fields);
		};
		fields.rejectUnknown(Set.of("passwordSet"));
		return (fields.violations().size() == before) ? settings : null;
	}

	/** The settings as the API shows them: secrets replaced by {@code passwordSet}. */
	static Map<String, Object> publicView(Map<String, Object> stored) {
		Map<String, Object> view = new java.util.LinkedHashMap<>(stored);
		boolean hadSecret = false;
		for (String secret : SECRET_FIELDS) {
			hadSecret |= view.remove(secret) != null;
		}
		if (hadSecret || stored.containsKey("username")) {
			view.put("passwordSet", hadSecret);
		}
		return view;
	}

	/**
	 * A write-only password: the new one when sent, the stored one when the field is
	 * absent; an explicit empty string clears it.
	 */
	static String password(Fields fields, Map<String, Object> stored) {
		Object sent = fields.rawIncludingEmpty("password");
		if (sent == null) {
			return (stored.get("password") instanceof String s) ? s : null;
		}
		if ("".equals(sent)) {
			return null;
		}
		return fields.string("password", false, 1000);
	}

}
