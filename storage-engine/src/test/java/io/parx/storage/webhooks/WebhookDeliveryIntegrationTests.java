package io.parx.storage.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.parx.common.config.ConfigChanged;
import io.parx.common.sample.Sample;
import io.parx.storage.AbstractIntegrationTest;
import io.parx.storage.alarms.AlarmCatalog;
import io.parx.storage.support.WebhookReceiver;
import io.parx.storage.support.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alarm events POSTed to webhooks (issue 19, "Notification") from the outbox written with
 * the journal: to a real HTTP receiver, retried with backoff, the outcome recorded, only
 * to the enabled webhooks of the alarm's priority, and not lost while no deliverer runs.
 */
class WebhookDeliveryIntegrationTests extends AbstractIntegrationTest {

	private static final Instant T0 = Instant.parse("2026-11-03T06:00:00Z");

	private static final Duration WAIT = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	@Autowired
	AlarmCatalog alarms;

	@Autowired
	WebhookCatalog webhooks;

	@Autowired
	WebhookDeliverer deliverer;

	@Autowired
	DeliveryQueue queue;

	@Autowired
	WebhookSender sender;

	@Autowired
	WebhookSettings settings;

	@Autowired
	MeterRegistry meters;

	private WebhookReceiver receiver;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void startReceiver() throws Exception {
		this.receiver = new WebhookReceiver();
	}

	/** Leaves no webhook behind to receive the next tests' alarms. */
	@AfterEach
	void stopReceiver() {
		this.receiver.close();
		this.config.disableWebhooks();
		publishConfig(new ConfigChanged(ConfigChanged.Entity.ALARM_WEBHOOK, 0, ConfigChanged.Op.UPDATED, 0));
		this.deliverer.start();
	}

	@Test
	void anEventArrivesWithItsFieldsAfterTheReceiverFailedTwiceWithGrowingWaits() throws Exception {
		// A pager that is briefly down must still get the alarm, neither hammered nor
		// given up on, and the event must carry what a person needs to act on it.
		long channel = this.config.channel("furnace." + System.nanoTime());
		long hot = alarm(channel, "HIGH");
		long pager = webhook("/pager", "HIGH,CRITICAL", "Bearer s3cret", true);
		this.receiver.failFirst("/pager", 2, 503);
		double retriedBefore = counter("retried");

		produce(List.of(Sample.of(channel, T0, 860), Sample.of(channel, T0.plusSeconds(1), 871.5)));
		await().atMost(WAIT).until(() -> delivered("/pager").size() == 1);

		List<Received> calls = this.receiver.received("/pager");
		assertThat(calls).extracting(Received::answered).containsExactly(503, 503, 204);
		// the same delivery each time, so a receiver can tell a retry from a new event
		assertThat(calls).extracting((call) -> call.header("X-ParX-Delivery"))
			.containsOnly(calls.get(0).header("X-ParX-Delivery"));
		// backoff: 300 ms, then 600 ms (initial-backoff 300ms in the tests)
		assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(ms(280));
		assertThat(Duration.between(calls.get(1).at(), calls.get(2).at())).isGreaterThanOrEqualTo(ms(580));
		Received event = calls.get(2);
		assertThat(event.method()).isEqualTo("POST");
		assertThat(event.header("Content-Type")).isEqualTo("application/json");
		assertThat(event.header("Authorization")).isEqualTo("Bearer s3cret");
		assertThat(event.header("X-ParX-Event")).isEqualTo("ACTIVATED");
		Map<String, Object> body = JsonPath.read(event.body(), "$");
		assertThat(body).containsOnlyKeys("eventId", "event", "state", "time", "definitionId", "name", "priority",
				"channelId", "channelName", "unit", "value", "message", "user", "comment");
		assertThat(body).containsEntry("eventId", hot + "-" + micros(T0.plusSeconds(1)) + "-ACTIVATED")
			.containsEntry("event", "ACTIVATED")
			.containsEntry("state", "ACTIVE_UNACKED")
			.containsEntry("time", "2026-11-03T06:00:01Z")
			.containsEntry("definitionId", (int) hot)
			.containsEntry("priority", "HIGH")
			.containsEntry("channelId", (int) channel)
			.containsEntry("value", 871.5)
			.containsEntry("user", null)
			.containsEntry("comment", null);
		assertThat((String) body.get("message")).contains(" at 871.5");
		assertThat((String) body.get("channelName")).startsWith("furnace.");

		// the outcome, as the deliveries endpoint shows it
		String deliveries = get("/api/v1/alarms/webhooks/" + pager + "/deliveries").body();
		assertThat(JsonPath.<String>read(deliveries, "$.content[0].status")).isEqualTo("DELIVERED");
		assertThat(JsonPath.<Integer>read(deliveries, "$.content[0].attempts")).isEqualTo(3);
		assertThat(JsonPath.<Integer>read(deliveries, "$.content[0].lastStatusCode")).isEqualTo(204);
		assertThat(JsonPath.<Object>read(deliveries, "$.content[0].nextAttemptAt")).isNull();
		assertThat(JsonPath.<Integer>read(deliveries, "$.summary.delivered")).isEqualTo(1);
		assertThat(JsonPath.<String>read(deliveries, "$.summary.lastDelivery.status")).isEqualTo("DELIVERED");
		assertThat(counter("retried") - retriedBefore).isGreaterThanOrEqualTo(2);

		// the return follows, at once this time
		produce(List.of(Sample.of(channel, T0.plusSeconds(2), 850)));
		await().atMost(WAIT).until(() -> delivered("/pager").size() == 2);
		assertThat(JsonPath.<String>read(delivered("/pager").get(1).body(), "$.event")).isEqualTo("RETURNED");
	}

	@Test
	void webhooksOfOtherPrioritiesAndDisabledOnesReceiveNothing() throws Exception {
		long channel = this.config.channel("kiln." + System.nanoTime());
		alarm(channel, "CRITICAL");
		long critical = webhook("/critical", "CRITICAL", null, true);
		long low = webhook("/low", "LOW,MEDIUM,HIGH", null, true);
		long disabled = webhook("/disabled", "CRITICAL", null, false);

		produce(List.of(Sample.of(channel, T0, 875), Sample.of(channel, T0.plusSeconds(1), 800)));
		await().atMost(WAIT).until(() -> delivered("/critical").size() == 2);
		assertThat(delivered("/critical")).extracting((call) -> JsonPath.<String>read(call.body(), "$.event"))
			.containsExactlyInAnyOrder("ACTIVATED", "RETURNED");
		// never queued for them, so never sent, also later
		assertThat(queryLong(
				"select count(*) from alarm_notification where webhook_id in (" + low + ", " + disabled + ")"))
			.isZero();
		assertThat(this.receiver.received("/low")).isEmpty();
		assertThat(this.receiver.received("/disabled")).isEmpty();
		assertThat(queryLong("select count(*) from alarm_notification where webhook_id = " + critical)).isEqualTo(2);
	}

	@Test
	void eventsQueuedWhileNoDelivererRunsAreSentByTheNextOne() throws Exception {
		// The storage engine restarts (or its deliverer is stopped): the outbox holds
		// the events, and the next deliverer, a new one, sends them.
		this.deliverer.stop();
		long channel = this.config.channel("boiler." + System.nanoTime());
		alarm(channel, "MEDIUM");
		long hook = webhook("/restart", "MEDIUM", null, true);
		produce(List.of(Sample.of(channel, T0, 900), Sample.of(channel, T0.plusSeconds(1), 100)));
		await().atMost(WAIT)
			.until(() -> queryLong("select count(*) from alarm_notification where status = 'PENDING' "
					+ "and attempts = 0 and webhook_id = " + hook) == 2);
		assertThat(this.receiver.received("/restart")).isEmpty();

		WebhookDeliverer restarted = new WebhookDeliverer(this.queue, this.webhooks, this.sender, this.settings,
				new WebhookMetrics(this.meters), Clock.systemUTC());
		restarted.start();
		try {
			await().atMost(WAIT).until(() -> delivered("/restart").size() == 2);
			assertThat(queryLong("select count(*) from alarm_notification where status = 'DELIVERED' and attempts = 1 "
					+ "and webhook_id = " + hook))
				.isEqualTo(2);
		}
		finally {
			restarted.stop();
		}
	}

	@Test
	void twoDeliverersSharingTheOutboxSendEachDeliveryOnce() throws Exception {
		// Two storage engine instances: skip locked hands each row to one of them.
		this.deliverer.stop();
		long hook = webhook("/shared", "LOW", null, true);
		for (int i = 0; i < 40; i++) {
			this.queue.enqueueTest(hook, WebhookPayload.test(hook, "shared", Instant.now()));
		}
		WebhookDeliverer one = new WebhookDeliverer(this.queue, this.webhooks, this.sender, this.settings,
				new WebhookMetrics(this.meters), Clock.systemUTC());
		WebhookDeliverer two = new WebhookDeliverer(this.queue, this.webhooks, this.sender, this.settings,
				new WebhookMetrics(this.meters), Clock.systemUTC());
		one.start();
		two.start();
		try {
			await().atMost(WAIT)
				.until(() -> queryLong("select count(*) from alarm_notification where status = 'DELIVERED' "
						+ "and webhook_id = " + hook) == 40);
		}
		finally {
			one.stop();
			two.stop();
		}
		List<Received> calls = this.receiver.received("/shared");
		assertThat(calls).hasSize(40);
		assertThat(calls.stream().map((call) -> call.header("X-ParX-Delivery")).distinct()).hasSize(40);
	}

	@Test
	void aDeliveryIsGivenUpAsFailedOnceOlderThanTheMaximumAge() throws Exception {
		this.deliverer.stop();
		long hook = webhook("/broken", "LOW", null, true);
		this.receiver.failFirst("/broken", Integer.MAX_VALUE, 500);
		long delivery = this.queue.enqueueTest(hook, WebhookPayload.test(hook, "broken", Instant.now()));
		WebhookSettings shortLived = new WebhookSettings(true, ms(2000), ms(2000), ms(100), ms(200), ms(1500), 2,
				ms(100), Duration.ofDays(1), 100);
		WebhookDeliverer impatient = new WebhookDeliverer(this.queue, this.webhooks, this.sender, shortLived,
				new WebhookMetrics(this.meters), Clock.systemUTC());
		impatient.start();
		try {
			await().atMost(WAIT)
				.until(() -> queryRows("select status from alarm_notification where id = " + delivery)
					.equals(List.of("FAILED")));
		}
		finally {
			impatient.stop();
		}
		int calls = this.receiver.received("/broken").size();
		assertThat(calls).isGreaterThanOrEqualTo(3);
		String deliveries = get("/api/v1/alarms/webhooks/" + hook + "/deliveries?status=FAILED").body();
		assertThat(JsonPath.<Integer>read(deliveries, "$.content[0].attempts")).isEqualTo(calls);
		assertThat(JsonPath.<Integer>read(deliveries, "$.content[0].lastStatusCode")).isEqualTo(500);
		assertThat(JsonPath.<String>read(deliveries, "$.content[0].lastError")).isEqualTo("HTTP 500");
		assertThat(JsonPath.<String>read(deliveries, "$.content[0].finishedAt")).isNotNull();
		assertThat(JsonPath.<Integer>read(deliveries, "$.summary.failed")).isEqualTo(1);
	}

	@Test
	void aTestDeliveryReachesTheReceiverAndDisabledOrUnknownWebhooksAreRefused() throws Exception {
		long hook = webhook("/test", "LOW", "Bearer t", true);
		long off = webhook("/off", "LOW", null, false);
		HttpResponse<String> queued = post("/api/v1/alarms/webhooks/" + hook + "/test");
		assertThat(queued.statusCode()).isEqualTo(202);
		assertThat(JsonPath.<String>read(queued.body(), "$.event")).isEqualTo("TEST");
		await().atMost(WAIT).until(() -> delivered("/test").size() == 1);
		assertThat(JsonPath.<String>read(delivered("/test").get(0).body(), "$.event")).isEqualTo("TEST");
		assertThat(delivered("/test").get(0).header("Authorization")).isEqualTo("Bearer t");

		assertThat(post("/api/v1/alarms/webhooks/" + off + "/test").statusCode()).isEqualTo(409);
		HttpResponse<String> unknown = post("/api/v1/alarms/webhooks/999999999/test");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(get("/api/v1/alarms/webhooks/999999999/deliveries").statusCode()).isEqualTo(404);
		HttpResponse<String> badStatus = get("/api/v1/alarms/webhooks/" + hook + "/deliveries?status=LOST");
		assertThat(badStatus.statusCode()).isEqualTo(400);
		assertThat(badStatus.body()).contains("\"status\"");
		assertThat(get("/api/v1/alarms/webhooks/" + hook + "/deliveries?size=201").statusCode()).isEqualTo(400);
	}

	private long alarm(long channel, String priority) {
		long id = this.config.hiAlarm(channel, 870, priority);
		publishConfig(new ConfigChanged(ConfigChanged.Entity.ALARM_DEFINITION, id, ConfigChanged.Op.CREATED, 0));
		await().atMost(WAIT).until(() -> this.alarms.get().get(id) != null);
		return id;
	}

	private long webhook(String path, String priorities, String secret, boolean enabled) {
		long id = this.config.webhook(this.receiver.url(path), priorities, secret, enabled);
		publishConfig(new ConfigChanged(ConfigChanged.Entity.ALARM_WEBHOOK, id, ConfigChanged.Op.CREATED, 0));
		await().atMost(WAIT).until(() -> this.webhooks.get().get(id) != null);
		return id;
	}

	private List<Received> delivered(String path) {
		return this.receiver.received(path).stream().filter((call) -> call.answered() < 300).toList();
	}

	private double counter(String outcome) {
		return this.meters.counter("parx.storage.alarm.webhook.deliveries", "outcome", outcome).count();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path) throws Exception {
		return this.http.send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + tokens().token("erin", "ENGINEER"));
	}

	private static Duration ms(long millis) {
		return Duration.ofMillis(millis);
	}

	private static long micros(Instant time) {
		return time.getEpochSecond() * 1_000_000 + time.getNano() / 1000;
	}

}
