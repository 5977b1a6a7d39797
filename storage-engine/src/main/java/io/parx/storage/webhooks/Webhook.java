package io.parx.storage.webhooks;

import io.parx.common.config.alarm.AlarmWebhook;

/**
 * A configured webhook with its id and secret.
 *
 * @param id its id in the config database
 * @param config what the admin-api stored
 * @param secret the value of its secret header, {@code null} when none is set
 */
record Webhook(long id, AlarmWebhook config, String secret) {

	/** Never the secret: records print every field. */
	@Override
	public String toString() {
		return "Webhook[id=" + this.id + ", name=" + this.config.name() + ", secretSet=" + (this.secret != null) + "]";
	}

}
