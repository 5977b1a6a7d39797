package io.parx.collector.channels;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.parx.collector.engine.ChannelConfig;
import io.parx.common.config.DataType;
import io.parx.common.config.channel.Protocol;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Reads channels from the config database (table {@code channel}, schema V1). The
 * collector never writes it.
 */
@Repository
public class ChannelRepository {

	private static final String COLUMNS = "id, name, data_type, scale, value_offset, poll_interval_ms, enabled, "
			+ "collector, tags, protocol, settings::text as settings, version";

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final RowMapper<ChannelConfig> mapper = this::map;

	public ChannelRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.json = JsonMapper.builder().build();
	}

	/**
	 * The enabled channels of a collector: those assigned to it by name, plus the
	 * unassigned ones when it is the default instance.
	 */
	public List<ChannelConfig> findAssigned(String collector, boolean isDefault) {
		return this.jdbc.query(
				"select " + COLUMNS
						+ " from channel where enabled and (collector = ? or (? and collector is null)) order by id",
				this.mapper, collector, isDefault);
	}

	public Optional<ChannelConfig> findById(long id) {
		return this.jdbc.query("select " + COLUMNS + " from channel where id = ?", this.mapper, id)
			.stream()
			.findFirst();
	}

	private ChannelConfig map(ResultSet rs, int row) throws SQLException {
		Array tags = rs.getArray("tags");
		List<String> tagList = (tags != null) ? Arrays.asList((String[]) tags.getArray()) : List.of();
		return new ChannelConfig(rs.getLong("id"), rs.getString("name"), DataType.valueOf(rs.getString("data_type")),
				rs.getDouble("scale"), rs.getDouble("value_offset"), Duration.ofMillis(rs.getInt("poll_interval_ms")),
				rs.getBoolean("enabled"), rs.getString("collector"), tagList,
				Protocol.valueOf(rs.getString("protocol")), this.json.readTree(rs.getString("settings")),
				rs.getLong("version"));
	}

}
