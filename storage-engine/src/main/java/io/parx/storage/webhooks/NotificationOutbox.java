package io.parx.storage.webhooks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

import io.parx.storage.alarms.AlarmSet;
import io.parx.storage.alarms.AlarmTransition;
import io.parx.storage.alarms.TransitionSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one {@code alarm_notification} row per transition and enabled webhook that
 * receives its priority, in the transaction that journals the transition: what is
 * committed is announced, even when the receiver or this instance is down for a while.
 */
public class NotificationOutbox implements TransitionSink {

	private static final Logger logger = LoggerFactory.getLogger(NotificationOutbox.class);

	private static final String INSERT = """
			insert into alarm_notification (webhook_id, definition_id, event_time, event, priority, payload)
			values (?, ?, ?, ?, ?, ?)
			on conflict do nothing""";

	private final WebhookCatalog webhooks;

	private final Supplier<AlarmSet> alarms;

	private final WebhookMetrics metrics;

	NotificationOutbox(WebhookCatalog webhooks, Supplier<AlarmSet> alarms, WebhookMetrics metrics) {
		this.webhooks = webhooks;
		this.alarms = alarms;
		this.metrics = metrics;
	}

	@Override
	public void writeIn(Connection connection, List<AlarmTransition> transitions) throws SQLException {
		if (!this.webhooks.loaded() && !loadNow()) {
			// Only before the first load, when the config database failed to answer for
			// the webhooks but did for the alarms a moment before: rare, and stalling
			// the storage of samples for it would be worse.
			logger.error("{} alarm transitions are not announced: the webhooks could not be read yet",
					transitions.size());
			this.metrics.unannounced(transitions.size());
			return;
		}
		WebhookSet set = this.webhooks.get();
		if (set.size() == 0) {
			return;
		}
		AlarmSet alarmSet = this.alarms.get();
		try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
			int rows = 0;
			for (AlarmTransition transition : transitions) {
				List<Webhook> receivers = set.receiving(WebhookPayload.priority(transition.priority()));
				if (receivers.isEmpty()) {
					continue;
				}
				String payload = WebhookPayload.of(transition, alarmSet.get(transition.definitionId()));
				for (Webhook webhook : receivers) {
					insert.setLong(1, webhook.id());
					insert.setLong(2, transition.definitionId());
					insert.setObject(3, time(transition.timeMicros()));
					insert.setString(4, transition.event().name());
					insert.setInt(5, transition.priority());
					insert.setString(6, payload);
					insert.addBatch();
					rows++;
				}
			}
			if (rows > 0) {
				insert.executeBatch();
			}
		}
	}

	private boolean loadNow() {
		try {
			this.webhooks.reload();
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static OffsetDateTime time(long micros) {
		return OffsetDateTime.ofInstant(Instant.EPOCH.plusNanos(micros * 1000), ZoneOffset.UTC);
	}

}
