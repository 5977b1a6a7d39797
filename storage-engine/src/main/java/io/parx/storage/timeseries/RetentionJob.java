package io.parx.storage.timeseries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.parx.common.config.rule.StorageBackend;
import io.parx.db.TimeseriesCapabilities;
import io.parx.storage.rules.RuleSet;
import io.parx.storage.rules.StorageRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the retention of TIMESCALE rules to raw rows (issue 5, "Retention"). A channel
 * is kept as long as the longest-lived rule that stores it wants; a rule without
 * retention keeps its channels for ever. When every rule has a retention, whole chunks
 * older than the longest are dropped first on TimescaleDB ({@code drop_chunks}, cheap);
 * rows of shorter-lived channels are then deleted per channel. Rollups are kept: they are
 * what long-range queries read.
 */
public class RetentionJob {

	private static final Logger logger = LoggerFactory.getLogger(RetentionJob.class);

	private final DataSource dataSource;

	private final TimeseriesCapabilities capabilities;

	public RetentionJob(DataSource dataSource, TimeseriesCapabilities capabilities) {
		this.dataSource = dataSource;
		this.capabilities = capabilities;
	}

	/**
	 * Deletes what is past its retention; returns the number of rows deleted by channel.
	 */
	public long apply(RuleSet rules) throws SQLException {
		Map<Long, Integer> days = retentionByChannel(rules.rules());
		if (days.isEmpty()) {
			return 0;
		}
		long deleted = 0;
		try (Connection connection = this.dataSource.getConnection()) {
			boolean allLimited = rules.rules()
				.stream()
				.filter((r) -> r.backend() instanceof StorageBackend.Timescale)
				.allMatch((r) -> r.retentionDays() != null);
			if (allLimited && this.capabilities.supportsDropChunks()) {
				int longest = days.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
				try (Statement statement = connection.createStatement()) {
					statement.execute(
							"select drop_chunks('samples', older_than => now() - interval '" + longest + " days')");
				}
			}
			Map<Integer, List<Long>> byDays = new TreeMap<>();
			days.forEach((channel, d) -> byDays.computeIfAbsent(d, (k) -> new java.util.ArrayList<>()).add(channel));
			try (PreparedStatement delete = connection.prepareStatement(
					"delete from samples where channel_id = any(?) and time < now() - make_interval(days => ?)")) {
				for (Map.Entry<Integer, List<Long>> entry : byDays.entrySet()) {
					delete.setArray(1, connection.createArrayOf("int8", entry.getValue().toArray(Long[]::new)));
					delete.setInt(2, entry.getKey());
					deleted += delete.executeUpdate();
				}
			}
		}
		if (deleted > 0) {
			logger.info("Retention deleted {} rows", deleted);
		}
		return deleted;
	}

	/**
	 * Deletes alarm journal entries older than the retention, whole chunks first where
	 * TimescaleDB is installed; a zero retention keeps them for ever.
	 * @return the entries deleted row by row (dropped chunks are not counted)
	 */
	public long applyToAlarmJournal(Duration retention) throws SQLException {
		if (retention.isZero()) {
			return 0;
		}
		long deleted;
		try (Connection connection = this.dataSource.getConnection()) {
			if (this.capabilities.supportsDropChunks()) {
				try (PreparedStatement drop = connection.prepareStatement(
						"select drop_chunks('alarm_journal', older_than => now() - make_interval(secs => ?))")) {
					drop.setLong(1, retention.toSeconds());
					drop.execute();
				}
			}
			try (PreparedStatement delete = connection
				.prepareStatement("delete from alarm_journal where time < now() - make_interval(secs => ?)")) {
				delete.setLong(1, retention.toSeconds());
				deleted = delete.executeUpdate();
			}
		}
		if (deleted > 0) {
			logger.info("Alarm journal retention ({}) deleted {} entries", retention, deleted);
		}
		return deleted;
	}

	/** The retention in days per channel; channels kept for ever are absent. */
	static Map<Long, Integer> retentionByChannel(List<StorageRule> rules) {
		Map<Long, Integer> days = new HashMap<>();
		java.util.Set<Long> forever = new java.util.HashSet<>();
		for (StorageRule rule : rules) {
			if (!(rule.backend() instanceof StorageBackend.Timescale)) {
				continue;
			}
			for (long channel : rule.channelIds()) {
				if (rule.retentionDays() == null) {
					forever.add(channel);
				}
				else {
					days.merge(channel, rule.retentionDays(), Math::max);
				}
			}
		}
		days.keySet().removeAll(forever);
		return days;
	}

	/**
	 * Enables compression segmented by channel where the TimescaleDB licence allows it,
	 * never for chunks younger than the late-data window.
	 */
	public void enableCompression(RetentionSettings settings) {
		if (!settings.compression() || !this.capabilities.supportsCompression()) {
			logger.info("Compression not enabled ({})", this.capabilities.describe());
			return;
		}
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("alter table samples set (timescaledb.compress, "
					+ "timescaledb.compress_segmentby = 'channel_id', timescaledb.compress_orderby = 'time')");
			statement.execute("select add_compression_policy('samples', compress_after => interval '"
					+ settings.lateDataWindow().toSeconds() + " seconds', if_not_exists => true)");
			logger.info("Compression enabled for chunks older than {}", settings.lateDataWindow());
		}
		catch (SQLException ex) {
			logger.warn("Cannot enable compression: {}", ex.getMessage());
		}
	}

}
