package io.parx.common.config.channel;

import java.util.Map;
import java.util.Set;

import io.parx.common.config.DataType;
import io.parx.common.config.InvalidSettingsException;
import io.parx.common.config.SettingsReader;

/**
 * The protocol-specific part of a channel (config schema V1, column
 * {@code channel.settings}), one record per protocol. The admin-api validates requests
 * and writes the stored document with these types; the collector reads the stored
 * document with them, so both apply the same rules and the same defaults.
 * <p>
 * A field the user did not set is not written: its default is applied when the document
 * is read, here or, for the fields the collector has a setting for ({@code timeoutMs},
 * {@code maxGap}, {@code maxRegistersPerRequest}), by the collector.
 */
public sealed interface ChannelSettings permits ModbusTcpSettings, OpcUaSettings, MqttSettings, SimulatorSettings {

	/**
	 * Fields that are write-only: stored for the collector, never returned by the API.
	 */
	Set<String> SECRET_FIELDS = Set.of("password");

	Protocol protocol();

	/** The stored form, secrets included (the collector needs them). */
	Map<String, Object> toMap();

	/** Where the device is, for the list's device filter and for humans. */
	String device();

	/**
	 * Whether and how the channel may be written to its device; the simulator's never
	 * are.
	 */
	default WriteAccess write() {
		return WriteAccess.NONE;
	}

	/**
	 * Reads and validates the settings of one protocol, recording every bad field and
	 * every unknown one.
	 * @param dataType the channel's data type (some fields depend on it), or {@code null}
	 * when it was rejected itself
	 * @return the settings, or {@code null} when a field was rejected
	 */
	static ChannelSettings read(Protocol protocol, DataType dataType, SettingsReader fields) {
		int before = fields.problems().size();
		ChannelSettings settings = switch (protocol) {
			case MODBUS_TCP -> ModbusTcpSettings.read(fields, dataType);
			case OPCUA -> OpcUaSettings.read(fields, dataType);
			case MQTT -> MqttSettings.read(fields, dataType);
			case SIMULATOR -> SimulatorSettings.read(fields);
		};
		fields.rejectUnknown(Set.of("passwordSet"));
		return (fields.problems().size() == before) ? settings : null;
	}

	/**
	 * Reads a stored settings document.
	 * @param json the document as a map (JSON object)
	 * @throws InvalidSettingsException naming every bad field
	 */
	static ChannelSettings fromJson(Protocol protocol, DataType dataType, Map<String, ?> json) {
		SettingsReader reader = new SettingsReader(json);
		ChannelSettings settings = read(protocol, dataType, reader);
		reader.throwIfAny();
		return settings;
	}

}
