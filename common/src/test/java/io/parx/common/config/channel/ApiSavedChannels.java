package io.parx.common.config.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parx.common.config.DataType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings documents the admin-api writes for a channel of each protocol whose user
 * set only the required fields ({@code api-saved-channels.json}). Shared by the
 * admin-api's test, which holds what it stores against {@link Entry#stored()}, and the
 * collector's, which reads {@link Entry#stored()} and checks every default: one document,
 * two readers, so the two services cannot drift apart unnoticed (issue #18).
 */
public final class ApiSavedChannels {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ApiSavedChannels() {
	}

	/** One entry a protocol, in the order of {@link Protocol}. */
	public static List<Entry> all() {
		try (InputStream in = ApiSavedChannels.class.getResourceAsStream("api-saved-channels.json")) {
			Map<String, Map<String, Object>> file = JSON.readValue(in, new TypeReference<>() {
			});
			List<Entry> entries = new ArrayList<>();
			for (Protocol protocol : Protocol.values()) {
				Map<String, Object> entry = file.get(protocol.name());
				entries.add(new Entry(protocol, DataType.valueOf((String) entry.get("dataType")), map(entry, "sent"),
						map(entry, "stored")));
			}
			return entries;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Entry of(Protocol protocol) {
		return all().stream().filter((entry) -> entry.protocol() == protocol).findFirst().orElseThrow();
	}

	/** A map as it reads back from JSON (numbers as JSON parsers type them). */
	public static Map<String, Object> asJson(Map<String, Object> map) {
		return JSON.readValue(JSON.writeValueAsString(map), new TypeReference<>() {
		});
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> entry, String name) {
		return new LinkedHashMap<>((Map<String, Object>) entry.get(name));
	}

	/**
	 * @param protocol the channel's protocol
	 * @param dataType the channel's data type
	 * @param sent the settings a client sends: the required fields only
	 * @param stored the settings the admin-api stores for them
	 */
	public record Entry(Protocol protocol, DataType dataType, Map<String, Object> sent, Map<String, Object> stored) {

		/** As JSON, for readers of the stored column. */
		public String storedJson() {
			return JSON.writeValueAsString(this.stored);
		}

	}

}
