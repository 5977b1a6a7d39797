package io.parx.common.alarm;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON binding of the alarm records. Services that use them have Jackson already
 * ({@code common} declares it optional).
 */
final class AlarmJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AlarmJson() {
	}

	static String write(Object value) {
		return JSON.writeValueAsString(value);
	}

	static <T> T read(String json, Class<T> type) {
		T value;
		try {
			value = JSON.readValue(json, type);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + ex.getMessage(), ex);
		}
		if (value == null) {
			throw new IllegalArgumentException("not a " + type.getSimpleName() + ": null");
		}
		return value;
	}

}
