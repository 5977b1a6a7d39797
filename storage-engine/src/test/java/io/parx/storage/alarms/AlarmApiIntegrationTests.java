package io.parx.storage.alarms;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.parx.common.config.ConfigChanged;
import io.parx.common.sample.Sample;
import io.parx.storage.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The alarm endpoints of the storage engine: the active list and journal read what the
 * evaluator committed; acknowledging and shelving go through the evaluator, audited.
 */
class AlarmApiIntegrationTests extends AbstractIntegrationTest {

	private static final Instant T0 = Instant.parse("2026-11-02T06:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	AlarmCatalog alarms;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anOperatorSeesAnActiveAlarmAcknowledgesItAndFindsBothInTheJournal() throws Exception {
		long channel = this.config.channel("kiln." + System.nanoTime());
		long hot = alarm(channel, "HI", 870.0);
		produce(List.of(Sample.of(channel, T0, 860), Sample.of(channel, T0.plusSeconds(1), 875)));
		await().until(() -> activeIds().contains((int) hot));
		String active = get("/api/v1/alarms/active", operator()).body();
		String path = "$.content[?(@.definitionId == " + hot + ")]";
		assertThat(JsonPath.<List<String>>read(active, path + ".state")).containsExactly("ACTIVE_UNACKED");
		assertThat(JsonPath.<List<String>>read(active, path + ".activatedAt")).containsExactly("2026-11-02T06:00:01Z");
		assertThat(JsonPath.<List<Double>>read(active, path + ".value")).containsExactly(875.0);
		assertThat(JsonPath.<List<String>>read(active, path + ".priority")).containsExactly("HIGH");

		HttpResponse<String> acked = post("/api/v1/alarms/" + hot + "/acknowledge", "{\"comment\":\"on it\"}",
				operator());
		assertThat(acked.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(acked.body(), "$.state")).isEqualTo("ACTIVE_ACKED");
		assertThat(JsonPath.<String>read(acked.body(), "$.acknowledgedBy")).isEqualTo("olivia");
		// nothing left to acknowledge
		HttpResponse<String> again = post("/api/v1/alarms/" + hot + "/acknowledge", "", operator());
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(this.config.alarmAudit("ACKNOWLEDGE", hot)).containsExactly("olivia {\"comment\": \"on it\"}");

		// the evaluator goes on from the acknowledged state: returning makes it NORMAL
		produce(List.of(Sample.of(channel, T0.plusSeconds(2), 800)));
		await().until(() -> !activeIds().contains((int) hot));
		String journal = get("/api/v1/alarms/journal?definitionId=" + hot + "&from=2026-11-01T00:00:00Z&to="
				+ Instant.now().plusSeconds(60), operator())
			.body();
		assertThat(JsonPath.<List<String>>read(journal, "$.content[*].event")).containsExactlyInAnyOrder("ACTIVATED",
				"ACKNOWLEDGED", "RETURNED");
		assertThat(JsonPath.<List<String>>read(journal, "$.content[?(@.event == 'ACKNOWLEDGED')].comment"))
			.containsExactly("on it");
		assertThat(JsonPath.<List<String>>read(journal, "$.content[?(@.event == 'RETURNED')].state"))
			.containsExactly("NORMAL");
		assertThat(JsonPath.<Integer>read(journal, "$.totalElements")).isEqualTo(3);
	}

	@Test
	void theJournalFiltersByPriorityStateAndTextAndRefusesUnboundedQueries() throws Exception {
		long channel = this.config.channel("dryer." + System.nanoTime());
		long dry = alarm(channel, "LO", 10.0);
		produce(List.of(Sample.of(channel, T0, 5)));
		await().until(() -> activeIds().contains((int) dry));
		String base = "/api/v1/alarms/journal?from=2026-11-02T00:00:00Z&to=2026-11-03T00:00:00Z&channelId=" + channel;
		assertThat(JsonPath.<Integer>read(
				get(base + "&priority=HIGH&state=ACTIVE_UNACKED&text=TOO%20COLD", operator()).body(),
				"$.totalElements"))
			.isEqualTo(1);
		assertThat(JsonPath.<Integer>read(get(base + "&priority=LOW", operator()).body(), "$.totalElements")).isZero();
		assertThat(JsonPath.<Integer>read(get(base + "&text=100%25", operator()).body(), "$.totalElements")).isZero();
		HttpResponse<String> tooLong = get("/api/v1/alarms/journal?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
				operator());
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(tooLong.body(), "$.errors[0].field")).isEqualTo("to");
		assertThat(
				JsonPath.<String>read(get("/api/v1/alarms/journal?size=5000", operator()).body(), "$.errors[0].field"))
			.isEqualTo("size");
		assertThat(JsonPath.<String>read(get("/api/v1/alarms/journal?from=yesterday", operator()).body(),
				"$.errors[0].field"))
			.isEqualTo("from");
	}

	@Test
	void anEngineerShelvesAnAlarmForABoundedTimeAndAnOperatorMayNot() throws Exception {
		long channel = this.config.channel("press." + System.nanoTime());
		long high = alarm(channel, "HI", 100.0);
		String engineer = tokens().token("erin", 7L, "ENGINEER");
		assertThat(post("/api/v1/alarms/" + high + "/shelve", "{\"duration\":\"PT1H\"}", operator()).statusCode())
			.isEqualTo(403);
		HttpResponse<String> tooLong = post("/api/v1/alarms/" + high + "/shelve", "{\"duration\":\"P2D\"}", engineer);
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(tooLong.body(), "$.errors[0].field")).isEqualTo("duration");
		HttpResponse<String> shelved = post("/api/v1/alarms/" + high + "/shelve", "{\"duration\":\"PT1H\"}", engineer);
		assertThat(shelved.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(shelved.body(), "$.shelvedUntil")).isNotNull();
		// a value over the limit now raises nothing
		Instant now = Instant.now();
		produce(List.of(Sample.of(channel, now, 150)));
		long channelOther = this.config.channel("press.other." + System.nanoTime());
		long other = alarm(channelOther, "HI", 100.0);
		produce(List.of(Sample.of(channelOther, now, 150)));
		await().until(() -> activeIds().contains((int) other));
		assertThat(activeIds()).doesNotContain((int) high);
		assertThat(this.config.alarmAudit("SHELVE", high)).containsExactly("erin {\"duration\": \"PT1H\"}");
		assertThat(post("/api/v1/alarms/987654321/shelve", "{\"duration\":\"PT1H\"}", engineer).statusCode())
			.isEqualTo(404);
	}

	private List<Integer> activeIds() throws Exception {
		return JsonPath.read(get("/api/v1/alarms/active", operator()).body(), "$.content[*].definitionId");
	}

	private long alarm(long channel, String type, Double limit) {
		long id = this.config.alarm(channel, type, limit, 0, null, 0, 0, "{channel} too cold or hot: {value}");
		publishConfig(new ConfigChanged(ConfigChanged.Entity.ALARM_DEFINITION, id, ConfigChanged.Op.CREATED, 0));
		await().until(() -> this.alarms.get().get(id) != null);
		return id;
	}

	private static String operator() {
		return tokens().token("olivia", 3L, "OPERATOR");
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		return this.http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String body, String token) throws Exception {
		return this.http.send(request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path, String token) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + token);
	}

}
