package io.parx.common.config.alarm;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parx.common.config.FieldProblem;
import io.parx.common.config.SettingsReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AlarmWebhookTests {

	@Test
	void aPagerForTheUrgentPrioritiesReadsWithDefaults() {
		AlarmWebhook webhook = AlarmWebhook.fromMap(Map.of("name", "Night pager", "url",
				"https://pager.example.com/hooks/parx?team=ops", "priorities", List.of("CRITICAL", "HIGH")));
		assertThat(webhook.priorities()).containsExactlyInAnyOrder(AlarmPriority.HIGH, AlarmPriority.CRITICAL);
		assertThat(webhook.priorityNames()).containsExactly("HIGH", "CRITICAL");
		assertThat(webhook.secretHeader()).isEqualTo("Authorization");
		assertThat(webhook.enabled()).isTrue();
		assertThat(webhook.receives(AlarmPriority.CRITICAL)).isTrue();
		assertThat(webhook.receives(AlarmPriority.LOW)).isFalse();
	}

	@Test
	void theStoredFormReadsBackToTheSameWebhook() {
		AlarmWebhook webhook = AlarmWebhook.fromMap(Map.of("name", "Chat", "url", "http://chat.local:8080/in",
				"priorities", List.of(1, "MEDIUM"), "secretHeader", "X-Token", "enabled", false));
		assertThat(AlarmWebhook.fromMap(webhook.toMap())).isEqualTo(webhook);
		assertThat(webhook.priorities()).containsExactlyInAnyOrder(AlarmPriority.LOW, AlarmPriority.MEDIUM);
	}

	@Test
	void aDisabledWebhookReceivesNothing() {
		AlarmWebhook off = new AlarmWebhook("off", URI.create("https://x.example"), Set.of(AlarmPriority.LOW),
				"Authorization", false);
		assertThat(off.receives(AlarmPriority.LOW)).isFalse();
	}

	@Test
	void everyBadFieldIsNamedAtOnce() {
		SettingsReader reader = new SettingsReader(Map.of("url", "ftp://files.example.com/x", "priorities",
				List.of("HIGH", "URGENT"), "secretHeader", "Bad Header", "enabled", "yes"));
		assertThat(AlarmWebhook.read(reader)).isNull();
		assertThat(reader.problems()).extracting(FieldProblem::field)
			.containsExactlyInAnyOrder("name", "url", "priorities", "secretHeader", "enabled");
	}

	@Test
	void urlsThatCannotBeDeliveredToOrWouldCarryCredentialsAreRefused() {
		// Credentials in the URL would be returned by every GET; they belong in the
		// write-only secret.
		for (String url : List.of("not a url", "/relative/path", "mailto:ops@example.com", "https://",
				"https://user:pw@pager.example.com/", "https://pager.example.com/#frag",
				"https://pager.example.com/" + "a".repeat(AlarmWebhook.MAX_URL_LENGTH))) {
			SettingsReader reader = new SettingsReader(Map.of("name", "n", "url", url, "priorities", List.of("LOW")));
			assertThat(AlarmWebhook.read(reader)).as(url).isNull();
			assertThat(reader.problems()).as(url).extracting(FieldProblem::field).containsExactly("url");
		}
	}

	@Test
	void prioritiesMustNameAtLeastOneKnownPriority() {
		for (Object priorities : List.of(List.of(), List.of("HIGH", "HIGH", "LOW", "MEDIUM", "CRITICAL", "5"), "",
				42)) {
			SettingsReader reader = new SettingsReader(
					Map.of("name", "n", "url", "https://x.example", "priorities", priorities));
			assertThat(AlarmWebhook.read(reader)).as(String.valueOf(priorities)).isNull();
			assertThat(reader.problems()).extracting(FieldProblem::field).containsExactly("priorities");
		}
		SettingsReader missing = new SettingsReader(Map.of("name", "n", "url", "https://x.example"));
		assertThat(AlarmWebhook.read(missing)).isNull();
		assertThat(missing.problems()).extracting(FieldProblem::field).containsExactly("priorities");
	}

	@Test
	void headersTheClientSetsItselfCannotCarryTheSecret() {
		SettingsReader reader = new SettingsReader(
				Map.of("name", "n", "url", "https://x.example", "priorities", List.of("LOW"), "secretHeader", "Host"));
		assertThat(AlarmWebhook.read(reader)).isNull();
		assertThat(reader.problems()).extracting(FieldProblem::field).containsExactly("secretHeader");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AlarmWebhook("n", URI.create("https://x.example"), Set.of(), "Authorization", true));
	}

}
