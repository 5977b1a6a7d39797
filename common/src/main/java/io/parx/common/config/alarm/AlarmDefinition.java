package io.parx.common.config.alarm;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.parx.common.config.InvalidSettingsException;
import io.parx.common.config.SettingsReader;

/**
 * An alarm on one channel (config schema V12, {@code alarm_definition}; docs/API.md,
 * "Alarms"). The admin-api validates requests with {@link #read}; the storage engine
 * reads the stored row with the same method, so both apply the same rules and defaults.
 *
 * @param name what operators read, up to 200 characters
 * @param channelId the channel watched
 * @param condition when it is in alarm; its type is the definition's type
 * @param onDelay how long the condition must hold, in sample source time, before the
 * alarm is raised (for BAD_QUALITY: how long the channel must be Bad)
 * @param offDelay how long the condition must be clear before the alarm returns
 * @param priority how urgent
 * @param message the message template
 * @param enabled whether it is evaluated at all
 */
public record AlarmDefinition(String name, long channelId, AlarmCondition condition, Duration onDelay,
		Duration offDelay, AlarmPriority priority, MessageTemplate message, boolean enabled) {

	/** Longest on- or off-delay: a day. */
	public static final long MAX_DELAY_MS = 86_400_000L;

	public AlarmDefinition {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(condition, "condition");
		Objects.requireNonNull(onDelay, "onDelay");
		Objects.requireNonNull(offDelay, "offDelay");
		Objects.requireNonNull(priority, "priority");
		Objects.requireNonNull(message, "message");
		if (name.isBlank() || name.length() > 200) {
			throw new IllegalArgumentException("name must be 1 to 200 characters");
		}
		if (channelId <= 0) {
			throw new IllegalArgumentException("channelId must be positive");
		}
		for (Duration delay : new Duration[] { onDelay, offDelay }) {
			if (delay.isNegative() || delay.toMillis() > MAX_DELAY_MS) {
				throw new IllegalArgumentException("delays must be between 0 and 1 day");
			}
		}
	}

	public AlarmType type() {
		return this.condition.type();
	}

	/**
	 * Reads and validates a definition, recording every bad field (fields {@code name},
	 * {@code channelId}, {@code type}, {@code limit}, {@code deadband},
	 * {@code alarmValue}, {@code onDelayMs}, {@code offDelayMs}, {@code priority},
	 * {@code message}, {@code enabled}). Unknown fields are left for the caller to
	 * reject.
	 * @return the definition, or {@code null} when a field was rejected
	 */
	public static AlarmDefinition read(SettingsReader f) {
		int before = f.problems().size();
		String name = f.string("name", true, 200);
		Long channelId = f.longValue("channelId", null, 1, Long.MAX_VALUE);
		AlarmType type = f.choice("type", AlarmType.class, null);
		AlarmCondition condition = (type != null) ? AlarmCondition.read(type, f) : null;
		if (type != null && !type.isLimit()) {
			rejectIfPresent(f, "limit", type);
			rejectIfPresent(f, "deadband", type);
		}
		if (type != AlarmType.DISCRETE && type != null) {
			rejectIfPresent(f, "alarmValue", type);
		}
		Long onDelay = f.longValue("onDelayMs", 0L, 0, MAX_DELAY_MS);
		Long offDelay = f.longValue("offDelayMs", 0L, 0, MAX_DELAY_MS);
		AlarmPriority priority = AlarmPriority.read(f, "priority", AlarmPriority.MEDIUM);
		String text = f.string("message", MessageTemplate.DEFAULT.text(), MessageTemplate.MAX_LENGTH);
		MessageTemplate message = (text != null) ? f.guard("message", () -> new MessageTemplate(text)) : null;
		Boolean enabled = f.bool("enabled", true);
		if (f.problems().size() != before) {
			return null;
		}
		return new AlarmDefinition(name.strip(), channelId, condition, Duration.ofMillis(onDelay),
				Duration.ofMillis(offDelay), priority, message, enabled);
	}

	/**
	 * Reads a stored definition.
	 * @throws InvalidSettingsException naming every bad field
	 */
	public static AlarmDefinition fromMap(Map<String, ?> stored) {
		SettingsReader reader = new SettingsReader(stored);
		AlarmDefinition definition = read(reader);
		reader.throwIfAny();
		return definition;
	}

	/** The API and stored form, in the field names {@link #read} takes. */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", this.name);
		map.put("channelId", this.channelId);
		map.put("type", type().name());
		map.put("limit", null);
		map.put("deadband", null);
		map.put("alarmValue", null);
		map.putAll(this.condition.toMap());
		map.put("onDelayMs", this.onDelay.toMillis());
		map.put("offDelayMs", this.offDelay.toMillis());
		map.put("priority", this.priority.name());
		map.put("message", this.message.text());
		map.put("enabled", this.enabled);
		return map;
	}

	private static void rejectIfPresent(SettingsReader f, String field, AlarmType type) {
		if (f.has(field)) {
			f.reject(field, "does not apply to a " + type + " alarm");
		}
	}

}
