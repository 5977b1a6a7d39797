package io.parx.admin.alarms;

import java.util.Map;
import java.util.Set;

import io.parx.admin.request.Violations;
import io.parx.common.config.SettingsReader;
import io.parx.common.config.alarm.AlarmWebhook;

/**
 * An alarm webhook as sent by a client, with what to do with its secret and the version
 * edited.
 *
 * @param webhook the webhook, validated by the contract's reader
 * @param secret what happens to the secret
 * @param version the version edited, when sent in the body
 */
record AlarmWebhookDraft(AlarmWebhook webhook, SecretChange secret, Long version) {

	/**
	 * @throws org.springframework.web.ErrorResponseException 400 naming every bad field
	 */
	static AlarmWebhookDraft read(Map<String, ?> body) {
		Violations violations = new Violations();
		SettingsReader f = violations.reader(body, "");
		AlarmWebhook webhook = AlarmWebhook.read(f);
		SecretChange secret = secret(f, body);
		Long version = f.optionalLong("version", 0, Long.MAX_VALUE);
		f.rejectUnknown(Set.of("id", "secretSet", "createdAt", "updatedAt"));
		violations.throwIfAny();
		return new AlarmWebhookDraft(webhook, secret, version);
	}

	/** Absent: kept; {@code null} or empty: removed; a text: replaced. */
	private static SecretChange secret(SettingsReader f, Map<String, ?> body) {
		if (!body.containsKey("secret")) {
			return new SecretChange.Keep();
		}
		Object raw = f.rawIncludingEmpty("secret");
		if (raw == null || "".equals(raw)) {
			return new SecretChange.Remove();
		}
		if (!(raw instanceof String text) || text.length() > AlarmWebhook.MAX_SECRET_LENGTH
				|| text.chars().anyMatch((c) -> c < 0x20 || c == 0x7f)) {
			// never echo the value in the problem
			f.reject("secret", "must be a text of at most " + AlarmWebhook.MAX_SECRET_LENGTH
					+ " characters without control characters");
			return null;
		}
		return new SecretChange.Replace(text);
	}

	/** What a request does with the write-only secret. */
	sealed interface SecretChange {

		record Keep() implements SecretChange {
		}

		record Remove() implements SecretChange {
		}

		/** Never printed: the value is the secret. */
		record Replace(String value) implements SecretChange {

			@Override
			public String toString() {
				return "Replace[value=***]";
			}

		}

	}

}
