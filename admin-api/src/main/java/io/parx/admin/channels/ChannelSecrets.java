package io.parx.admin.channels;

import java.util.LinkedHashMap;
import java.util.Map;

import io.parx.common.config.channel.ChannelSettings;

/**
 * The write-only fields of channel settings ({@link ChannelSettings#SECRET_FIELDS}): the
 * API never shows them, and an update that does not send them keeps the stored ones.
 */
final class ChannelSecrets {

	private ChannelSecrets() {
	}

	/** The settings as the API shows them: secrets replaced by {@code passwordSet}. */
	static Map<String, Object> publicView(Map<String, Object> stored) {
		Map<String, Object> view = new LinkedHashMap<>(stored);
		boolean hadSecret = false;
		for (String secret : ChannelSettings.SECRET_FIELDS) {
			hadSecret |= view.remove(secret) != null;
		}
		if (hadSecret || stored.containsKey("username")) {
			view.put("passwordSet", hadSecret);
		}
		return view;
	}

	/**
	 * The settings sent, with the stored secrets where the request has none: a write-only
	 * password the client never saw is kept when the field is absent; an explicit empty
	 * string clears it.
	 * @param stored the settings stored so far, or an empty map
	 */
	static Map<String, Object> withStoredSecrets(Map<String, Object> sent, Map<String, Object> stored) {
		Map<String, Object> merged = new LinkedHashMap<>(sent);
		for (String secret : ChannelSettings.SECRET_FIELDS) {
			if (!sent.containsKey(secret) && stored.get(secret) instanceof String value) {
				merged.put(secret, value);
			}
		}
		return merged;
	}

}
