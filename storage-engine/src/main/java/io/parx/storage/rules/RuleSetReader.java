package io.parx.storage.rules;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

import io.parx.common.config.rule.StorageBackend;
import io.parx.common.config.rule.StorageMode;
import io.parx.common.formula.Formula;
import io.parx.storage.batches.BatchDefinition;

/**
 * Reads the enabled storage rules and batch definitions from the config database (schema
 * V1: {@code storage_rule}, {@code storage_rule_channel}, {@code batch_definition}). A
 * rule whose settings are invalid is logged and left out rather than stopping the others.
 */
public class RuleSetReader {

	private static final Logger logger = LoggerFactory.getLogger(RuleSetReader.class);

	private final JdbcTemplate jdbc;

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JsonMapper json = JsonMapper.builder().build();

	public RuleSetReader(DataSource configDataSource) {
		this.jdbc = new JdbcTemplate(configDataSource);
	}

	public RuleSet load() {
		ConfigSignature signature = new ConfigSignature();
		Map<String, Long> channelIds = new HashMap<>();
		this.jdbc.query("select id, name from channel order by id", (ResultSet rs) -> {
			channelIds.put(rs.getString(2), rs.getLong(1));
			signature.add(rs, 2);
		});
		List<StorageRule> rules = new ArrayList<>();
		this.jdbc.query("""
				select r.id, r.name, r.mode, r.settings::text, r.backend, r.backend_settings::text, r.retention_days,
				    array(select c.channel_id from storage_rule_channel c where c.rule_id = r.id order by c.channel_id)
				from storage_rule r where r.enabled order by r.id""", (ResultSet rs) -> {
			signature.add(rs, 8);
			try {
				rules.add(rule(rs, channelIds));
			}
			catch (RuntimeException ex) {
				logger.error("Storage rule {} ('{}') is invalid and ignored: {}", rs.getLong(1), rs.getString(2),
						ex.getMessage());
			}
		});
		List<BatchDefinition> batches = new ArrayList<>();
		this.jdbc.query("""
				select id, mode, coalesce(trigger_channel_id, 0), coalesce(start_channel_id, 0),
				    coalesce(stop_channel_id, 0), coalesce(name_channel_id, 0)
				from batch_definition where enabled order by id""", (ResultSet rs) -> {
			signature.add(rs, 6);
			batches.add(new BatchDefinition(rs.getLong(1), BatchDefinition.Mode.valueOf(rs.getString(2)), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6)));
		});
		return new RuleSet(rules, batches, signature.value());
	}

	private StorageRule rule(ResultSet rs, Map<String, Long> channelIds) throws SQLException {
		// the contract the admin-api wrote the settings with, defaults included
		StorageMode mode = StorageMode.fromJson(rs.getString(3), this.json.readValue(rs.getString(4), MAP));
		TriggerCondition trigger = (mode instanceof StorageMode.Trigger t)
				? new FormulaCondition(Formula.parse(t.formula()), channelIds) : null;
		StorageBackend backend = StorageBackend.fromJson(rs.getString(5), this.json.readValue(rs.getString(6), MAP));
		int retention = rs.getInt(7);
		Integer retentionDays = rs.wasNull() ? null : retention;
		Array array = rs.getArray(8);
		List<Long> channels = Arrays.asList((Long[]) array.getArray());
		return new StorageRule(rs.getLong(1), rs.getString(2), mode, trigger, backend, channels, retentionDays);
	}

}
