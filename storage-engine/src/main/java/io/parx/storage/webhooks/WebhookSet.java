package io.parx.storage.webhooks;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.parx.common.config.alarm.AlarmPriority;

/** The webhooks of one load from the config database, enabled or not, by id. */
final class WebhookSet {

	private static final WebhookSet EMPTY = new WebhookSet(List.of());

	private final Map<Long, Webhook> byId;

	WebhookSet(List<Webhook> webhooks) {
		this.byId = webhooks.stream().collect(Collectors.toUnmodifiableMap(Webhook::id, Function.identity()));
	}

	static WebhookSet empty() {
		return EMPTY;
	}

	Webhook get(long id) {
		return this.byId.get(id);
	}

	/** The enabled webhooks that receive this priority. */
	List<Webhook> receiving(AlarmPriority priority) {
		return this.byId.values().stream().filter((webhook) -> webhook.config().receives(priority)).toList();
	}

	int size() {
		return this.byId.size();
	}

}
