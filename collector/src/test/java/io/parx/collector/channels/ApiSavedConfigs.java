package io.parx.collector.channels;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.parx.collector.engine.ChannelConfig;
import io.parx.common.config.channel.ApiSavedChannels;
import io.parx.common.config.channel.Protocol;
import tools.jackson.databind.json.JsonMapper;

/**
 * Channels as the collector loads them from the config table after the admin-api saved
 * them with only the required settings ({@link ApiSavedChannels}, whose stored documents
 * the admin-api's own test holds against what it writes).
 */
public final class ApiSavedConfigs {

	/** The poll interval of these channels, so that defaults taken from it show. */
	public static final Duration POLL_INTERVAL = Duration.ofMillis(250);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ApiSavedConfigs() {
	}

	/** The channel with the settings document the admin-api stored. */
	public static ChannelConfig stored(long id, Protocol protocol) {
		return config(id, protocol, ApiSavedChannels.of(protocol).stored());
	}

	/** The same document with some fields replaced, e.g. the port of a test device. */
	public static ChannelConfig stored(long id, Protocol protocol, Map<String, Object> replaced) {
		Map<String, Object> settings = ApiSavedChannels.of(protocol).stored();
		settings.putAll(replaced);
		return config(id, protocol, settings);
	}

	private static ChannelConfig config(long id, Protocol protocol, Map<String, Object> settings) {
		ApiSavedChannels.Entry entry = ApiSavedChannels.of(protocol);
		return new ChannelConfig(id, "api-saved-" + id, entry.dataType(), 1, 0, POLL_INTERVAL, true, null, List.of(),
				protocol, JSON.valueToTree(settings), 0);
	}

}
