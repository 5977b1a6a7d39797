package io.parx.common.alarm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.parx.common.config.alarm.AlarmPriority;
import io.parx.common.sample.SampleValue;

/**
 * Reads the rows of the alarm tables of the time-series database ({@code alarm_state},
 * {@code alarm_journal}, schema V4), which the storage engine writes and the analytics
 * engine exports: one reading of their value and time columns.
 */
public final class AlarmRows {

	private AlarmRows() {
	}

	/** One row of {@code alarm_journal} as the journal lists it. */
	public static AlarmJournalEntry entry(ResultSet rows) throws SQLException {
		return new AlarmJournalEntry(rows.getObject("time", OffsetDateTime.class).toInstant(),
				rows.getLong("definition_id"), rows.getString("name"), rows.getLong("channel_id"),
				rows.getString("event"), rows.getString("state"), priority(rows.getInt("priority")), json(value(rows)),
				rows.getString("message"), rows.getString("username"), rows.getString("comment"));
	}

	/**
	 * The value columns {@code value_num} and {@code value_text}: a boolean is stored as
	 * 1/0 with its text, a text with no number, a number with no text.
	 */
	public static SampleValue value(ResultSet rows) throws SQLException {
		double number = rows.getDouble("value_num");
		boolean hasNumber = !rows.wasNull();
		String text = rows.getString("value_text");
		if (text != null) {
			return ("true".equals(text) || "false".equals(text)) && hasNumber
					? SampleValue.of(Boolean.parseBoolean(text)) : SampleValue.of(text);
		}
		return hasNumber ? SampleValue.of(number) : null;
	}

	/** A value as JSON writes it: a number, boolean, text or {@code null}. */
	public static Object json(SampleValue value) {
		return switch (value) {
			case null -> null;
			case SampleValue.Numeric(double v) -> v;
			case SampleValue.Bool(boolean b) -> b;
			case SampleValue.Text(String t) -> t;
		};
	}

	/** The priority of a stored level, 1 (LOW) to 4 (CRITICAL). */
	public static AlarmPriority priority(int level) {
		return AlarmPriority.values()[Math.clamp(level, 1, 4) - 1];
	}

	/** A time as the {@code timestamptz} columns take it. */
	public static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
