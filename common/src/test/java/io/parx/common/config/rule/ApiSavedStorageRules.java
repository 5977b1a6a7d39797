package io.parx.common.config.rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings documents the admin-api writes for a storage rule of each mode and each
 * backend whose user set only the required fields ({@code api-saved-storage-modes.json},
 * {@code api-saved-storage-backends.json}). Shared by the admin-api's test, which holds
 * what it stores against them, and the storage engine's, which reads them and checks
 * every default (issue #18). {@code $channel} stands for the id of a channel of the
 * test's database.
 */
public final class ApiSavedStorageRules {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CHANNEL = "$channel";

	private ApiSavedStorageRules() {
	}

	/** One entry a mode: {@code settings}. */
	public static List<Entry> modes() {
		return read("api-saved-storage-modes.json");
	}

	/** One entry a backend: {@code backendSettings}. */
	public static List<Entry> backends() {
		return read("api-saved-storage-backends.json");
	}

	private static List<Entry> read(String resource) {
		try (InputStream in = ApiSavedStorageRules.class.getResourceAsStream(resource)) {
			Map<String, Map<String, Map<String, Object>>> file = JSON.readValue(in, new TypeReference<>() {
			});
			List<Entry> entries = new ArrayList<>();
			file.forEach((name, entry) -> entries.add(new Entry(name, entry.get("sent"), entry.get("stored"))));
			return entries;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param name the wire name of the mode or backend
	 * @param sent the settings a client sends: the required fields only
	 * @param stored the settings the admin-api stores for them
	 */
	public record Entry(String name, Map<String, Object> sent, Map<String, Object> stored) {

		public Map<String, Object> sent(long channelId) {
			return withChannel(this.sent, channelId);
		}

		public Map<String, Object> stored(long channelId) {
			return withChannel(this.stored, channelId);
		}

		/** The stored document as JSON, for writing the column. */
		public String storedJson(long channelId) {
			return JSON.writeValueAsString(stored(channelId));
		}

		private static Map<String, Object> withChannel(Map<String, Object> settings, long channelId) {
			Map<String, Object> result = new LinkedHashMap<>();
			settings.forEach((key, value) -> result.put(key, CHANNEL.equals(value) ? (Object) channelId
					: (value instanceof String s) ? s.replace(CHANNEL, Long.toString(channelId)) : value));
			return result;
		}

	}

}
