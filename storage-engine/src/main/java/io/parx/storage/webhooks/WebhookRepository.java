package io.parx.storage.webhooks;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import io.parx.common.config.alarm.AlarmWebhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the webhooks from the config database (schema V14, {@code alarm_webhook}) with
 * the contract's reader, as the admin-api does. A webhook that does not read is logged
 * (by id and name, never its URL or secret) and left out.
 */
class WebhookRepository {

	private static final Logger logger = LoggerFactory.getLogger(WebhookRepository.class);

	private final JdbcTemplate jdbc;

	WebhookRepository(DataSource configDataSource) {
		this.jdbc = new JdbcTemplate(configDataSource);
	}

	WebhookSet load() {
		List<Webhook> webhooks = new ArrayList<>();
		this.jdbc.query("select * from alarm_webhook order by id", (ResultSet rs) -> {
			try {
				webhooks.add(new Webhook(rs.getLong("id"), AlarmWebhook.fromRow(rs), rs.getString("secret")));
			}
			catch (RuntimeException ex) {
				logger.error("Alarm webhook {} ('{}') is invalid and ignored: {}", rs.getLong("id"),
						rs.getString("name"), ex.getMessage());
			}
		});
		return new WebhookSet(webhooks);
	}

}
