package io.parx.common.alarm;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.parx.common.config.alarm.AlarmPriority;
import io.parx.common.web.InvalidInputException;

/**
 * Which entries of the alarm journal a request wants, every part bounded: a time range of
 * at most {@link #MAX_RANGE}, a search text of at most 200 characters. The query
 * parameters of the storage engine's {@code GET /api/v1/alarms/journal} and of the
 * analytics engine's journal export (docs/API.md, "Alarms"), read and turned into SQL
 * over table {@code alarm_journal} in this one place.
 *
 * @param from start of the range (inclusive)
 * @param to end of the range (exclusive)
 * @param channelId only this channel, or {@code null}
 * @param definitionId only this alarm, or {@code null}
 * @param priority only this priority, or {@code null}
 * @param state only entries leaving the alarm in this state, or {@code null}
 * @param text only entries whose message or name contains this (case-insensitive), or
 * {@code null}
 */
public record JournalQuery(Instant from, Instant to, Long channelId, Long definitionId, AlarmPriority priority,
		String state, String text) {

	/** The longest range one query may span. */
	public static final Duration MAX_RANGE = Duration.ofDays(366);

	/** The range when {@code from} is not given: the day before {@code to}. */
	public static final Duration DEFAULT_RANGE = Duration.ofDays(1);

	/** The states an alarm can be left in, the values of {@code state}. */
	public static final List<String> STATES = List.of("NORMAL", "ACTIVE_UNACKED", "ACTIVE_ACKED", "RETURNED_UNACKED");

	/**
	 * Reads the query parameters; absent ones are {@code null}.
	 * @param now the end of the range when {@code to} is absent
	 * @throws InvalidInputException naming the first bad parameter
	 */
	public static JournalQuery read(String from, String to, String channelId, String definitionId, String priority,
			String state, String text, Instant now) {
		Instant end = (to != null) ? instant("to", to) : now;
		Instant start = (from != null) ? instant("from", from) : end.minus(DEFAULT_RANGE);
		if (!start.isBefore(end)) {
			throw new InvalidInputException("from", "must be before to");
		}
		if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
			throw new InvalidInputException("to", "the range may span at most 366 days");
		}
		if (text != null && text.length() > 200) {
			throw new InvalidInputException("text", "must be at most 200 characters");
		}
		if (state != null && !STATES.contains(state)) {
			throw new InvalidInputException("state", "must be one of " + STATES);
		}
		Long channel = (channelId != null) ? number("channelId", channelId, 0, 1, Long.MAX_VALUE) : null;
		Long definition = (definitionId != null) ? number("definitionId", definitionId, 0, 1, Long.MAX_VALUE) : null;
		return new JournalQuery(start, end, channel, definition, priority(priority), state,
				(text == null || text.isBlank()) ? null : text.strip());
	}

	/**
	 * A whole number parameter, {@code defaultValue} when absent; the message never
	 * repeats the value, which may be huge.
	 * @throws InvalidInputException naming the parameter
	 */
	public static long number(String field, String value, long defaultValue, long min, long max) {
		if (value == null) {
			return defaultValue;
		}
		long number;
		try {
			number = Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "must be a whole number between " + min + " and " + max);
		}
		if (number < min || number > max) {
			throw new InvalidInputException(field, "must be between " + min + " and " + max);
		}
		return number;
	}

	/**
	 * The {@code where} clause over {@code alarm_journal}, its named parameters put into
	 * {@code params} (for {@code JdbcClient} / {@code NamedParameterJdbcTemplate}).
	 */
	public String where(Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" where time >= :from and time < :to");
		params.put("from", AlarmRows.time(this.from));
		params.put("to", AlarmRows.time(this.to));
		if (this.channelId != null) {
			where.append(" and channel_id = :channelId");
			params.put("channelId", this.channelId);
		}
		if (this.definitionId != null) {
			where.append(" and definition_id = :definitionId");
			params.put("definitionId", this.definitionId);
		}
		if (this.priority != null) {
			where.append(" and priority = :priority");
			params.put("priority", this.priority.level());
		}
		if (this.state != null) {
			where.append(" and state = :state");
			params.put("state", this.state);
		}
		if (this.text != null) {
			where.append(" and (message ilike :text escape '\\' or name ilike :text escape '\\')");
			params.put("text", "%" + this.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		return where.toString();
	}

	private static Instant instant(String field, String value) {
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "must be an ISO-8601 UTC time, e.g. 2026-12-05T08:00:00Z");
		}
	}

	private static AlarmPriority priority(String value) {
		if (value == null) {
			return null;
		}
		for (AlarmPriority priority : AlarmPriority.values()) {
			if (priority.name().equals(value) || String.valueOf(priority.level()).equals(value)) {
				return priority;
			}
		}
		throw new InvalidInputException("priority", "must be one of " + Arrays.toString(AlarmPriority.values()));
	}

}
