package io.parx.bench.plant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import io.parx.bench.support.BenchDatabases;

/**
 * Writes the plant into a migrated config database the way the admin-api stores it (V1
 * schema): one UINT16 {@code MODBUS_TCP} channel per holding register of every device
 * (ids 1..N, device by device), unassigned so the default collector polls them, and one
 * CONTINUOUS rule with interval 0 (every sample) over all of them.
 */
final class PlantConfig {

	private PlantConfig() {
	}

	/**
	 * @return the number of channels
	 */
	static int seed(String configUrl, List<Integer> ports, int registers, Duration poll) throws SQLException {
		try (Connection connection = BenchDatabases.connect(configUrl)) {
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection.prepareStatement(
					"insert into channel (id, name, data_type, poll_interval_ms, protocol, settings, tags) "
							+ "select ? + r, 'plant-' || ? || '-' || r, 'UINT16', ?, 'MODBUS_TCP', "
							+ "jsonb_build_object('host', '127.0.0.1', 'port', ?, 'unitId', 1, "
							+ "'registerType', 'HOLDING_REGISTER', 'address', r), '{plant-bench}' "
							+ "from generate_series(0, ? - 1) r")) {
				for (int d = 0; d < ports.size(); d++) {
					insert.setLong(1, 1L + (long) d * registers);
					insert.setInt(2, d);
					insert.setInt(3, (int) poll.toMillis());
					insert.setInt(4, ports.get(d));
					insert.setInt(5, registers);
					insert.executeUpdate();
				}
			}
			int channels = ports.size() * registers;
			try (Statement statement = connection.createStatement()) {
				statement.execute("insert into storage_rule (id, name, mode, settings) "
						+ "values (1, 'plant-continuous', 'CONTINUOUS', '{\"intervalMs\":0}')");
				statement.execute(
						"insert into storage_rule_channel select 1, g from generate_series(1, " + channels + ") g");
				// Explicit ids: move the sequences past them as the admin-api would
				// have.
				statement.execute("select setval('channel_id_seq', " + channels + ")");
				statement.execute("select setval('storage_rule_id_seq', 1)");
			}
			connection.commit();
			return channels;
		}
	}

}
