package io.parx.storage.alarms;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import io.parx.common.config.alarm.AlarmPriority;
import io.parx.common.web.InvalidInputException;

/**
 * A query of the alarm journal, every part bounded: a time range of at most
 * {@link #MAX_RANGE}, pages of at most {@link #MAX_SIZE} entries, a search text of at
 * most 200 characters.
 *
 * @param from start of the range (inclusive)
 * @param to end of the range (exclusive)
 * @param channelId only this channel, or {@code null}
 * @param definitionId only this alarm, or {@code null}
 * @param priority only this priority, or {@code null}
 * @param state only entries leaving the alarm in this state, or {@code null}
 * @param text only entries whose message or name contains this (case-insensitive), or
 * {@code null}
 * @param page the page, from 0
 * @param size entries a page
 */
record JournalFilter(Instant from, Instant to, Long channelId, Long definitionId, AlarmPriority priority,
		AlarmStatus state, String text, int page, int size) {

	static final Duration MAX_RANGE = Duration.ofDays(366);

	static final Duration DEFAULT_RANGE = Duration.ofDays(1);

	static final int MAX_SIZE = 1000;

	static final int MAX_PAGE = 10_000;

	/**
	 * Reads the query parameters.
	 * @throws InvalidInputException naming the first bad parameter
	 */
	static JournalFilter read(String from, String to, String channelId, String definitionId, String priority,
			String state, String text, String pageText, String sizeText, Instant now) {
		int page = (int) number("page", pageText, 0, 0, MAX_PAGE);
		int size = (int) number("size", sizeText, 100, 1, MAX_SIZE);
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
		Long channel = (channelId != null) ? number("channelId", channelId, 0, 1, Long.MAX_VALUE) : null;
		Long definition = (definitionId != null) ? number("definitionId", definitionId, 0, 1, Long.MAX_VALUE) : null;
		return new JournalFilter(start, end, channel, definition, priority(priority), state(state),
				(text == null || text.isBlank()) ? null : text.strip(), page, size);
	}

	/** A whole number; the message never repeats the value, which may be huge. */
	private static long number(String field, String value, long defaultValue, long min, long max) {
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

	private static AlarmStatus state(String value) {
		if (value == null) {
			return null;
		}
		for (AlarmStatus status : AlarmStatus.values()) {
			if (status.name().equals(value)) {
				return status;
			}
		}
		throw new InvalidInputException("state", "must be one of " + Arrays.toString(AlarmStatus.values()));
	}

}
