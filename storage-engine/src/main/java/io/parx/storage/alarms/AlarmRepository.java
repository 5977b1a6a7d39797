package io.parx.storage.alarms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import io.parx.common.config.alarm.AlarmDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the enabled alarm definitions, with their channel's name and unit, from the
 * config database (schema V12, {@code alarm_definition}) with the contract's reader, as
 * the admin-api does. A definition that does not read is logged and left out rather than
 * stopping the others.
 */
public class AlarmRepository {

	private static final Logger logger = LoggerFactory.getLogger(AlarmRepository.class);

	private final JdbcTemplate jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	public AlarmRepository(DataSource configDataSource) {
		this.jdbc = new JdbcTemplate(configDataSource);
	}

	public AlarmSet load() {
		List<WatchedAlarm> alarms = new ArrayList<>();
		this.jdbc.query("""
				select d.*, c.name as channel_name, c.unit as channel_unit
				from alarm_definition d join channel c on c.id = d.channel_id
				where d.enabled order by d.id""", (ResultSet rs) -> {
			try {
				alarms.add(new WatchedAlarm(rs.getLong("id"), read(rs), rs.getString("channel_name"),
						rs.getString("channel_unit")));
			}
			catch (RuntimeException ex) {
				logger.error("Alarm definition {} ('{}') is invalid and ignored: {}", rs.getLong("id"),
						rs.getString("name"), ex.getMessage());
			}
		});
		return new AlarmSet(alarms);
	}

	private AlarmDefinition read(ResultSet rs) throws SQLException {
		Map<String, Object> fields = new HashMap<>();
		fields.put("name", rs.getString("name"));
		fields.put("channelId", rs.getLong("channel_id"));
		fields.put("type", rs.getString("type"));
		fields.put("limit", rs.getObject("limit_value"));
		fields.put("deadband", rs.getObject("deadband"));
		String alarmValue = rs.getString("alarm_value");
		fields.put("alarmValue", (alarmValue != null) ? this.json.readValue(alarmValue, Object.class) : null);
		fields.put("onDelayMs", rs.getLong("on_delay_ms"));
		fields.put("offDelayMs", rs.getLong("off_delay_ms"));
		fields.put("priority", rs.getString("priority"));
		fields.put("message", rs.getString("message"));
		fields.put("enabled", rs.getBoolean("enabled"));
		return AlarmDefinition.fromMap(fields);
	}

}
