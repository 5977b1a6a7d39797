package io.parx.storage.webhooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.parx.common.config.alarm.AlarmPriority;
import io.parx.common.sample.SampleValue;
import io.parx.storage.alarms.AlarmTransition;
import io.parx.storage.alarms.WatchedAlarm;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON body POSTed to a webhook (docs/CONTRACTS.md, "Alarm webhook payload"),
 * rendered when the transition is written to the outbox so that a late delivery says what
 * happened then.
 */
final class WebhookPayload {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private WebhookPayload() {
	}

	/**
	 * @param alarm the definition as the catalog knows it, for the channel's name and
	 * unit; {@code null} when it was deleted meanwhile
	 */
	static String of(AlarmTransition transition, WatchedAlarm alarm) {
		Map<String, Object> body = new LinkedHashMap<>();
		Instant time = Instant.EPOCH.plusNanos(transition.timeMicros() * 1000);
		// Stable across duplicates, for receivers that deduplicate (delivery is at least
		// once).
		body.put("eventId", transition.definitionId() + "-" + transition.timeMicros() + "-" + transition.event());
		body.put("event", transition.event().name());
		body.put("state", transition.state().name());
		body.put("time", time.toString());
		body.put("definitionId", transition.definitionId());
		body.put("name", transition.name());
		body.put("priority", priority(transition.priority()).name());
		body.put("channelId", transition.channelId());
		body.put("channelName", (alarm != null) ? alarm.channelName() : null);
		body.put("unit", (alarm != null) ? alarm.unit() : null);
		body.put("value", value(transition.value()));
		body.put("message", transition.message());
		body.put("user", transition.username());
		body.put("comment", transition.comment());
		return JSON.writeValueAsString(body);
	}

	/** The body of a test delivery: the same fields, event TEST, no alarm. */
	static String test(long webhookId, String webhookName, Instant time) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("eventId", "test-" + webhookId + "-" + time.toEpochMilli());
		body.put("event", "TEST");
		body.put("state", null);
		body.put("time", time.toString());
		body.put("definitionId", null);
		body.put("name", "Test of webhook '" + webhookName + "'");
		body.put("priority", null);
		body.put("channelId", null);
		body.put("channelName", null);
		body.put("unit", null);
		body.put("value", null);
		body.put("message", "A test delivery from ParX");
		body.put("user", null);
		body.put("comment", null);
		return JSON.writeValueAsString(body);
	}

	static AlarmPriority priority(int level) {
		return AlarmPriority.values()[Math.clamp(level, 1, 4) - 1];
	}

	private static Object value(SampleValue value) {
		return switch (value) {
			case null -> null;
			case SampleValue.Numeric(double v) -> Double.isFinite(v) ? v : null;
			case SampleValue.Bool(boolean b) -> b;
			case SampleValue.Text(String t) -> t;
		};
	}

}
