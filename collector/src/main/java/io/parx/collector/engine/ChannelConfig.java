package io.parx.collector.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.parx.common.config.DataType;
import io.parx.common.config.channel.Protocol;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One channel as the collector runs it: a row of the config table {@code channel}.
 * Protocol-specific settings stay as JSON; each engine reads them with the contract the
 * admin-api writes them with ({@link io.parx.common.config.channel.ChannelSettings}).
 *
 * @param id the channel id, positive; 0 for an unsaved channel in the channel test
 * @param name unique name
 * @param dataType type of the value
 * @param scale multiplied with the raw value of numeric types
 * @param offset added after scaling
 * @param pollInterval how often polled protocols read the channel
 * @param enabled whether the channel runs at all
 * @param collector the collector instance it is assigned to, {@code null} for the default
 * one
 * @param tags free tags
 * @param protocol the protocol that reads it
 * @param settings protocol settings, never {@code null} (an empty object when absent)
 * @param version optimistic-locking version; a changed version means changed config
 */
public record ChannelConfig(long id, String name, DataType dataType, double scale, double offset, Duration pollInterval,
		boolean enabled, String collector, List<String> tags, Protocol protocol, JsonNode settings, long version) {

	public ChannelConfig {
		if (id < 0) {
			throw new IllegalArgumentException("channel id must not be negative, was " + id);
		}
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(dataType, "dataType");
		Objects.requireNonNull(protocol, "protocol");
		Objects.requireNonNull(pollInterval, "pollInterval");
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
		}
		tags = (tags != null) ? List.copyOf(tags) : List.of();
		settings = (settings != null && !settings.isNull()) ? settings : JsonNodeFactory.instance.objectNode();
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	/**
	 * The settings as the map {@code ChannelSettings.fromJson} reads.
	 * @throws IllegalArgumentException when they are not a JSON object
	 */
	public Map<String, Object> settingsMap() {
		if (!this.settings.isObject()) {
			throw new IllegalArgumentException("settings must be an object");
		}
		return JSON.convertValue(this.settings, MAP);
	}

	/**
	 * Applies scale and offset to a raw numeric value: {@code raw * scale + offset}.
	 */
	public double scaled(double raw) {
		return raw * this.scale + this.offset;
	}

	/** Whether only the name, tags or other non-acquisition fields differ. */
	public boolean sameAcquisition(ChannelConfig other) {
		return other != null && this.id == other.id && this.dataType == other.dataType && this.scale == other.scale
				&& this.offset == other.offset && this.pollInterval.equals(other.pollInterval)
				&& this.enabled == other.enabled && this.protocol == other.protocol
				&& this.settings.equals(other.settings);
	}

}
