package io.parx.bench.latency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import io.parx.bench.support.BenchDatabases;

/**
 * The plant of the scenario as configuration: {@code gateways} MQTT gateways of
 * {@code tags} tags each. As records (default), one JSON message per gateway and update
 * on topic {@code <topicPrefix>gw<g>}, shaped
 * {@code {"time":"2026-11-27T21:00:00.123456Z","tags":{"t000":1.5,…}}}, and channel
 * {@code g * tags + t + 1} reads tag {@code t} (value pointer {@code /tags/t<t>}); per
 * tag, one message per tag and update on {@code <topicPrefix>gw<g>/t<t>}, shaped
 * {@code {"time":"…","value":1.5}} (value pointer {@code /value}). Source time from
 * {@code /time}, QoS 1, exactly as an engineer would configure it; one CONTINUOUS(0)
 * storage rule historises every channel.
 *
 * @param gateways number of gateways
 * @param tags tags per gateway
 * @param topicPrefix topic prefix of this run, e.g. {@code parx-bench-1a2b3c4d/}
 * @param broker the broker URL as the collector reaches it
 * @param clientId the collector's MQTT client id for this run (a persistent session of
 * its own, so runs never meet on the broker)
 * @param perTag one message per tag instead of one record per gateway
 */
record GatewayPlant(int gateways, int tags, String topicPrefix, String broker, String clientId, boolean perTag) {

	int channels() {
		return this.gateways * this.tags;
	}

	long channelId(int gateway, int tag) {
		return (long) gateway * this.tags + tag + 1;
	}

	String topic(int gateway) {
		return this.topicPrefix + String.format(Locale.ROOT, "gw%02d", gateway);
	}

	String topic(int gateway, int tag) {
		return topic(gateway) + "/" + tagName(tag);
	}

	static String tagName(int tag) {
		return String.format(Locale.ROOT, "t%03d", tag);
	}

	/** Inserts the channels and the storage rule into a migrated config database. */
	void configure(String configUrl) throws SQLException {
		try (Connection connection = BenchDatabases.connect(configUrl)) {
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection.prepareStatement("insert into channel (id, name, data_type,"
					+ " protocol, settings) values (?, ?, 'FLOAT64', 'MQTT', ?::jsonb)")) {
				for (int g = 0; g < this.gateways; g++) {
					for (int t = 0; t < this.tags; t++) {
						insert.setLong(1, channelId(g, t));
						insert.setString(2, String.format(Locale.ROOT, "gw%02d.%s", g, tagName(t)));
						String settings = String.format(Locale.ROOT,
								"{\"brokerUrl\":\"%s\",\"clientId\":\"%s\",\"topic\":\"%s\",\"qos\":1,"
										+ "\"payloadFormat\":\"JSON\",\"valuePointer\":\"%s\","
										+ "\"timestampPointer\":\"/time\"}",
								this.broker, this.clientId, this.perTag ? topic(g, t) : topic(g),
								this.perTag ? "/value" : "/tags/" + tagName(t));
						insert.setString(3, settings);
						insert.addBatch();
					}
				}
				insert.executeBatch();
			}
			try (Statement statement = connection.createStatement()) {
				// The next id the admin-api would hand out must not collide with ours.
				statement.execute("select setval('channel_id_seq', " + channels() + ")");
				statement.execute("insert into storage_rule (id, name, mode, settings) values (1, 'bench-all',"
						+ " 'CONTINUOUS', '{\"intervalMs\":0}')");
				statement.execute("insert into storage_rule_channel select 1, id from channel");
			}
			connection.commit();
		}
	}

}
