package io.parx.storage.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import io.parx.db.test.TestDatabase;

/**
 * Builds channels, storage rules and batch definitions in the test config database, as
 * the admin-api would.
 */
public final class ConfigFixtures {

	private static final AtomicInteger NAMES = new AtomicInteger();

	private final TestDatabase db;

	public ConfigFixtures(TestDatabase db) {
		this.db = db;
	}

	public long channel() {
		return insert("insert into channel (name, data_type, protocol) values (?, 'FLOAT64', 'SIMULATOR') returning id",
				"ch-" + NAMES.incrementAndGet());
	}

	public long channel(String name) {
		return insert("insert into channel (name, data_type, protocol) values (?, 'FLOAT64', 'SIMULATOR') returning id",
				name);
	}

	/** A TIMESCALE rule; {@code settings} is the mode's JSON. */
	public long rule(String mode, String settings, long... channelIds) {
		return rule(mode, settings, "TIMESCALE", "{}", channelIds);
	}

	public long rule(String mode, String settings, String backend, String backendSettings, long... channelIds) {
		long id = insert(
				"insert into storage_rule (name, mode, settings, backend, backend_settings) "
						+ "values (?, ?, ?::jsonb, ?, ?::jsonb) returning id",
				"rule-" + NAMES.incrementAndGet(), mode, settings, backend, backendSettings);
		for (long channelId : channelIds) {
			update("insert into storage_rule_channel (rule_id, channel_id) values (?, ?)", id, channelId);
		}
		return id;
	}

	/**
	 * An alarm definition as the admin-api stores it (config schema V12).
	 * @param alarmValue DISCRETE's value as JSON, else {@code null}
	 */
	public long alarm(long channelId, String type, Double limit, double deadband, String alarmValue, long onDelayMs,
			long offDelayMs, String message) {
		return insert("insert into alarm_definition (name, channel_id, type, limit_value, deadband, alarm_value, "
				+ "on_delay_ms, off_delay_ms, priority, message) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, 'HIGH', ?) "
				+ "returning id", "alarm-" + NAMES.incrementAndGet(), channelId, type, limit,
				type.equals("HI") || type.equals("HIHI") || type.equals("LO") || type.equals("LOLO") ? deadband : null,
				alarmValue, onDelayMs, offDelayMs, message);
	}

	/**
	 * A HI alarm of a priority (LOW, MEDIUM, HIGH, CRITICAL) with the message "{value}".
	 */
	public long hiAlarm(long channelId, double limit, String priority) {
		return insert(
				"insert into alarm_definition (name, channel_id, type, limit_value, deadband, priority, message) "
						+ "values (?, ?, 'HI', ?, 0, ?, ?) returning id",
				"alarm-" + NAMES.incrementAndGet(), channelId, limit, priority, "{channel} at {value} {unit}");
	}

	/**
	 * An alarm webhook as the admin-api stores it (config schema V14).
	 * @param priorities e.g. {@code "HIGH,CRITICAL"}
	 * @param secret the value of the Authorization header, or {@code null}
	 */
	public long webhook(String url, String priorities, String secret, boolean enabled) {
		return insert(
				"insert into alarm_webhook (name, url, priorities, secret, enabled) "
						+ "values (?, ?, string_to_array(?, ',')::varchar(16)[], ?, ?) returning id",
				"hook-" + NAMES.incrementAndGet(), url, priorities, secret, enabled);
	}

	public void disableWebhooks() {
		update("update alarm_webhook set enabled = false");
	}

	/** Audit entries of an action on an alarm, as {@code username after_value}. */
	public java.util.List<String> alarmAudit(String action, long definitionId) {
		try (Connection connection = this.db.connect();
				PreparedStatement statement = connection.prepareStatement("select username || ' ' || after_value "
						+ "from audit_event where action = ? and entity_type = 'alarm' and entity_id = ? order by id")) {
			bind(statement, action, definitionId);
			java.util.List<String> rows = new java.util.ArrayList<>();
			try (java.sql.ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					rows.add(rs.getString(1));
				}
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public long valueChangeBatch(long triggerChannelId) {
		return insert("insert into batch_definition (name, mode, trigger_channel_id) values (?, 'VALUE_CHANGE', ?) "
				+ "returning id", "batch-" + NAMES.incrementAndGet(), triggerChannelId);
	}

	public long startStopBatch(long startChannelId, Long stopChannelId, Long nameChannelId) {
		return insert(
				"insert into batch_definition (name, mode, start_channel_id, stop_channel_id, name_channel_id) "
						+ "values (?, 'START_STOP', ?, ?, ?) returning id",
				"batch-" + NAMES.incrementAndGet(), startChannelId, stopChannelId, nameChannelId);
	}

	private long insert(String sql, Object... args) {
		try (Connection connection = this.db.connect();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			bind(statement, args);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void update(String sql, Object... args) {
		try (Connection connection = this.db.connect();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			bind(statement, args);
			statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void bind(PreparedStatement statement, Object... args) throws SQLException {
		for (int i = 0; i < args.length; i++) {
			statement.setObject(i + 1, args[i]);
		}
	}

}
