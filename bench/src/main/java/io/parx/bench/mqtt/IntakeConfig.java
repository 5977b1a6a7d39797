package io.parx.bench.mqtt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import io.parx.bench.support.BenchDatabases;

/**
 * Writes the MQTT intake scenario into a migrated config database the way the admin-api
 * stores it (V1 schema): one FLOAT64 {@code MQTT} channel per topic {@code <prefix>/t<i>}
 * (ids 1..N, payload format NUMBER, the given QoS, all on one broker URL and client id),
 * and one CONTINUOUS rule with interval 0 (every sample) over all of them, as the issue's
 * import did.
 */
final class IntakeConfig {

	private IntakeConfig() {
	}

	static void seed(String configUrl, String brokerUrl, String clientId, String topicPrefix, int topics, int qos)
			throws SQLException {
		try (Connection connection = BenchDatabases.connect(configUrl)) {
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection
				.prepareStatement("insert into channel (id, name, data_type, protocol, settings, tags) "
						+ "select 1 + t, 'mqtt-intake-' || t, 'FLOAT64', 'MQTT', "
						+ "jsonb_build_object('brokerUrl', ?, 'clientId', ?, 'topic', ? || '/t' || t, "
						+ "'qos', ?, 'payloadFormat', 'NUMBER'), '{mqtt-intake-bench}' "
						+ "from generate_series(0, ? - 1) t")) {
				insert.setString(1, brokerUrl);
				insert.setString(2, clientId);
				insert.setString(3, topicPrefix);
				insert.setInt(4, qos);
				insert.setInt(5, topics);
				insert.executeUpdate();
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("insert into storage_rule (id, name, mode, settings) "
						+ "values (1, 'mqtt-intake-continuous', 'CONTINUOUS', '{\"intervalMs\":0}')");
				statement
					.execute("insert into storage_rule_channel select 1, g from generate_series(1, " + topics + ") g");
				statement.execute("select setval('channel_id_seq', " + topics + ")");
				statement.execute("select setval('storage_rule_id_seq', 1)");
			}
			connection.commit();
		}
	}

}
