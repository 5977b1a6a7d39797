package io.parx.systemtest;

import java.io.ByteArrayInputStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.parx.bench.demo.DemoPlant;
import io.parx.bench.demo.ModbusDevice;
import io.parx.bench.demo.OpcUaDevice;
import io.parx.bench.support.ServiceProcess;
import io.parx.db.test.TestServices;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole product as a plant engineer meets it: the five services as separate processes
 * from their built jars, against real PostgreSQL (config), TimescaleDB (time series),
 * Redis and Mosquitto, with the demo plant's Modbus, OPC UA and MQTT devices. The steps
 * build on each other, in order, like a first day with ParX.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SystemTests {

	private final Map<String, Long> channels = new LinkedHashMap<>();

	private ParxStack stack;

	private String adminToken;

	private String engineerToken;

	private String operatorToken;

	private long batchDefinitionId;

	private LiveClient live;

	@BeforeAll
	void startThePlantAndTheServices(ParxStack stack) {
		this.stack = stack;
	}

	@AfterAll
	void closeTheLiveClient() {
		if (this.live != null) {
			this.live.close();
		}
	}

	@Test
	@Order(1)
	void anAdministratorLogsInWithTheFirstAccountAndCreatesAnEngineerAndAnOperator() {
		this.adminToken = this.stack.login(ParxStack.ADMIN, ParxStack.ADMIN_PASSWORD);
		for (String role : List.of("ENGINEER", "OPERATOR")) {
			Api.Response created = Api.post(admin("/api/v1/users"), this.adminToken,
					Map.of("username", role.toLowerCase(), "password", "system-test-" + role, "role", role));
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
		}
		this.engineerToken = this.stack.login("engineer", "system-test-ENGINEER");
		this.operatorToken = this.stack.login("operator", "system-test-OPERATOR");
		assertThat(Api.get(admin("/api/v1/auth/me"), this.operatorToken).json().path("role").asString())
			.isEqualTo("OPERATOR");
	}

	@Test
	@Order(2)
	void anEngineerCreatesChannelsOfEveryProtocolStorageRulesAndABatchDefinition() {
		Map<String, Object> modbus = Map.of("host", "127.0.0.1", "port", this.stack.plant().modbus().port(), "unitId",
				1, "registerType", "HOLDING_REGISTER");
		channel("Furnace.Temperature", "FLOAT32", "MODBUS_TCP",
				with(modbus, "address", ModbusDevice.FURNACE_TEMPERATURE));
		channel("Line.CoilNumber", "INT32", "MODBUS_TCP", with(modbus, "address", ModbusDevice.COIL_NUMBER));
		channel("Line.Speed.NotStored", "FLOAT32", "MODBUS_TCP", with(modbus, "address", ModbusDevice.LINE_SPEED));
		channel("OPCUA.Furnace.Temperature", "FLOAT64", "OPCUA",
				Map.of("endpointUrl", this.stack.plant().opcua().endpointUrl(), "nodeId",
						this.stack.plant().opcua().nodeId(OpcUaDevice.FURNACE_TEMPERATURE), "samplingIntervalMs", 200));
		channel("MQTT.Line.Speed", "FLOAT64", "MQTT",
				Map.of("brokerUrl", TestServices.mosquitto().serverUri(), "topic",
						this.stack.mqttPrefix() + "line/state", "payloadFormat", "JSON", "valuePointer", "/speed",
						"timestampPointer", "/time"));
		channel("Sim.Sine", "FLOAT64", "SIMULATOR",
				Map.of("waveform", "SINE", "amplitude", 1, "periodMs", 60000, "offset", 0));
		channel("Fault.Injected", "FLOAT64", "MQTT", Map.of("brokerUrl", TestServices.mosquitto().serverUri(), "topic",
				this.stack.mqttPrefix() + "nobody/publishes/here", "payloadFormat", "NUMBER"));
		Api.Response continuous = Api.post(admin("/api/v1/storage/rules"), this.engineerToken,
				Map.of("name", "every-sample", "mode", "CONTINUOUS", "settings", Map.of("intervalMs", 0), "channelIds",
						ids("Furnace.Temperature", "OPCUA.Furnace.Temperature", "MQTT.Line.Speed", "Sim.Sine",
								"Fault.Injected")));
		assertThat(continuous.status()).as(continuous.toString()).isEqualTo(201);
		Api.Response change = Api.post(admin("/api/v1/storage/rules"), this.engineerToken,
				Map.of("name", "coil-changes", "mode", "CHANGE", "settings", Map.of("deadband", 0), "channelIds",
						ids("Line.CoilNumber")));
		assertThat(change.status()).as(change.toString()).isEqualTo(201);
		Api.Response batches = Api.post(admin("/api/v1/storage/batch-definitions"), this.engineerToken,
				Map.of("name", "coils", "mode", "VALUE_CHANGE", "triggerChannelId", id("Line.CoilNumber")));
		assertThat(batches.status()).as(batches.toString()).isEqualTo(201);
		this.batchDefinitionId = batches.json().path("id").asLong();
		Api.Response list = Api.get(admin("/api/v1/io/channels?tag=system-test"), this.operatorToken);
		assertThat(list.json().path("page").path("totalElements").asLong()).isEqualTo(7);
	}

	@Test
	@Order(3)
	void aWebSocketClientReceivesLiveValuesOfEveryProtocolWithinASecond() throws Exception {
		this.live = new LiveClient(this.stack.service("data-router").url(), this.operatorToken);
		List<Long> subscribed = ids("Furnace.Temperature", "OPCUA.Furnace.Temperature", "MQTT.Line.Speed", "Sim.Sine");
		this.live.subscribe(subscribed);
		// the collector connects to the devices after the channels were created: generous
		// once
		await("first live values").atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(subscribed).allSatisfy(
					(channel) -> assertThat(this.live.updates(channel)).as("updates of %d", channel).isNotEmpty()));
		// from then on values flow: each fast channel has a fresh one within a second
		Instant now = Instant.now();
		await("fresh live values").atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertThat(ids("Furnace.Temperature", "MQTT.Line.Speed", "Sim.Sine"))
				.allSatisfy((channel) -> assertThat(this.live.updates(channel))
					.anySatisfy((received) -> assertThat(received.arrived()).isAfter(now))));
		double furnace = this.live.updates(id("Furnace.Temperature")).getLast().value().asDouble();
		assertThat(furnace).isBetween(800.0, 900.0);
	}

	@Test
	@Order(4)
	void samplesReachTimescaleDbAccordingToTheStorageRules() throws Exception {
		await("rows of every stored channel").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			for (String name : List.of("Furnace.Temperature", "OPCUA.Furnace.Temperature", "MQTT.Line.Speed",
					"Sim.Sine", "Line.CoilNumber")) {
				assertThat(count("select count(*) from samples where channel_id = " + id(name))).as(name).isPositive();
			}
			assertThat(count("select count(*) from samples where channel_id = " + id("Furnace.Temperature")))
				.isGreaterThanOrEqualTo(10);
		});
		// no rule, no history
		assertThat(count("select count(*) from samples where channel_id = " + id("Line.Speed.NotStored"))).isZero();
		// CHANGE: a coil number is stored only when it differs from the previous one
		List<Double> coils = new ArrayList<>();
		query("select value_num from samples where channel_id = " + id("Line.CoilNumber") + " order by time",
				(rs) -> coils.add(rs.getDouble(1)));
		for (int i = 1; i < coils.size(); i++) {
			assertThat(coils.get(i)).isNotEqualTo(coils.get(i - 1));
		}
		assertThat(count("select count(*) from samples where channel_id = " + id("Line.CoilNumber")))
			.isLessThan(count("select count(*) from samples where channel_id = " + id("Furnace.Temperature")));
		assertThat(count("select count(*) from timescaledb_information.hypertables where hypertable_name = 'samples'"))
			.isEqualTo(1);
	}

	@Test
	@Order(5)
	void analyticsAnswersAHistoryQueryADerivedFormulaAnXlsxExportAndTheCoilBatches() throws Exception {
		long furnace = id("Furnace.Temperature");
		// on a fast machine this step can start seconds after the first rows: wait until
		// the range below holds some history
		await("history older than 10 s").atMost(Duration.ofSeconds(60))
			.until(() -> count("select count(*) from samples where channel_id = " + furnace
					+ " and time < now() - interval '10 seconds'") >= 20);
		// a range that ended a few seconds ago, so that no sample of it is still on its
		// way
		Instant to = Instant.now().minusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
		Instant from = to.minusSeconds(120);
		String inRange = "select count(*) from samples where channel_id = " + furnace + " and time >= '" + from
				+ "' and time < '" + to + "'";
		await("the raw history of the range").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			long rows = count(inRange);
			Api.Response query = Api.post(analytics("/api/v1/analytics/query"), this.operatorToken, Map.of("channelIds",
					List.of(furnace), "from", from.toString(), "to", to.toString(), "interval", "raw"));
			assertThat(query.status()).as(query.toString()).isEqualTo(200);
			JsonNode points = query.json().path("series").get(0).path("points");
			assertThat(points.size()).isEqualTo(rows).isPositive();
			assertThat(points.get(0).path("value").asDouble()).isBetween(800.0, 900.0);
		});
		long stored = count(inRange);

		Api.Response derived = Api.post(analytics("/api/v1/analytics/derived/evaluate"), this.operatorToken, Map
			.of("formula", "#" + furnace + " * 2", "from", from.toString(), "to", to.toString(), "step", "PT1S"));
		assertThat(derived.status()).as(derived.toString()).isEqualTo(200);
		Set<Double> doubled = new HashSet<>();
		query("select value_num from samples where channel_id = " + furnace + " and time < '" + to + "'",
				(rs) -> doubled.add(rs.getDouble(1) * 2));
		List<Double> values = new ArrayList<>();
		derived.json().path("points").forEach((point) -> {
			if (!point.path("value").isNull() && !point.path("value").isMissingNode()) {
				values.add(point.path("value").asDouble());
			}
		});
		assertThat(values).isNotEmpty().allSatisfy((value) -> assertThat(doubled).contains(value));

		Api.Response export = Api.post(analytics("/api/v1/analytics/export"), this.operatorToken,
				Map.of("format", "xlsx", "query", Map.of("channelIds", List.of(furnace), "from", from.toString(), "to",
						to.toString(), "interval", "raw")));
		assertThat(export.status()).as(export.toString()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.bytes()))) {
			int rows = 0;
			for (Sheet sheet : workbook) {
				rows += sheet.getPhysicalNumberOfRows();
			}
			assertThat(rows).isGreaterThanOrEqualTo((int) stored);
		}

		// the coil changes every 15 s: the batch definition opens a batch named after the
		// coil number
		await("a coil batch").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			Api.Response batches = Api.get(
					analytics("/api/v1/analytics/batches?from=" + from.minusSeconds(600) + "&to="
							+ Instant.now().plusSeconds(60) + "&definitionId=" + this.batchDefinitionId),
					this.operatorToken);
			assertThat(batches.status()).as(batches.toString()).isEqualTo(200);
			List<String> names = new ArrayList<>();
			batches.json().path("content").forEach((batch) -> names.add(batch.path("name").asString()));
			Set<String> coils = new HashSet<>();
			query("select value_num from samples where channel_id = " + id("Line.CoilNumber"),
					(rs) -> coils.add(Long.toString(rs.getLong(1))));
			assertThat(names).as(batches.toString())
				.anySatisfy((name) -> assertThat(coils).anySatisfy((coil) -> assertThat(name).startsWith(coil)));
		});
	}

	@Test
	@Order(6)
	void editingAChannelTakesEffectWithoutARestart() {
		long sim = id("Sim.Sine");
		JsonNode channel = Api.get(admin("/api/v1/io/channels/" + sim), this.engineerToken).json();
		Map<String, Object> edited = Api.JSON.convertValue(channel, Map.class);
		edited.remove("id");
		edited.remove("createdAt");
		edited.remove("updatedAt");
		edited.remove("passwordSet");
		edited.put("settings", Map.of("waveform", "SINE", "amplitude", 1, "periodMs", 60000, "offset", 1000));
		Api.Response updated = Api.put(admin("/api/v1/io/channels/" + sim), this.engineerToken, edited);
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		await("values of the edited channel").atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.live.updates(sim).getLast().value().asDouble()).isGreaterThan(990));
	}

	@Test
	@Order(7)
	void theFurnaceOverTemperatureRaisesAnAlarmOnTheWebSocketWithinASecondAcknowledgedThroughRestAndJournaled() {
		// Issue 19, "How it is checked": the whole way, from a definition saved at the
		// admin-api (a config event) and the demo plant's over-temperature on its Modbus
		// device, through the collector, the stream, the storage engine's evaluation and
		// commit, Redis and the router, to the WebSocket; then an acknowledgement through
		// REST that the journal holds.
		this.live.send(Map.of("type", "subscribe-alarms", "id", "a1"));
		await("the alarm snapshot").atMost(Duration.ofSeconds(10)).until(() -> reply("alarms", "a1") != null);
		// above the simulation's own swing (at most 878 °C), below the over-temperature
		Api.Response created = Api.post(admin("/api/v1/alarms/definitions"), this.engineerToken,
				Map.of("name", "Furnace over-temperature", "channelId", id("Furnace.Temperature"), "type", "HI",
						"limit", 880, "deadband", 2, "priority", "HIGH"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long alarm = created.json().path("id").asLong();
		String acknowledge = this.stack.url("storage-engine", "/api/v1/alarms/" + alarm + "/acknowledge");
		// The storage engine evaluates the definition once it knows it: an
		// acknowledgement
		// is then "nothing to acknowledge" (409) instead of "no such alarm" (404).
		await("the storage engine evaluates the definition").atMost(Duration.ofSeconds(30))
			.until(() -> Api.post(acknowledge, this.engineerToken, Map.of()).status() == 409);
		assertThat(alarmFrame(alarm, "ACTIVATED")).as("nothing raised before the over-temperature").isNull();

		Instant overheated = Instant.now();
		this.stack.plant().overheat(Duration.ofSeconds(30));
		JsonNode raised = await("the raised alarm pushed").atMost(Duration.ofSeconds(30))
			.until(() -> alarmFrame(alarm, "ACTIVATED"), Objects::nonNull);
		Instant arrived = this.live.alarmArrivals.get(raised);
		Instant sampleTime = Instant.parse(raised.path("event").path("time").asString());
		Duration sampleToWebSocket = Duration.between(sampleTime, arrived);
		System.out.printf("system test: over-temperature -> WebSocket %d ms, of which sample -> WebSocket %d ms%n",
				Duration.between(overheated, arrived).toMillis(), sampleToWebSocket.toMillis());
		assertThat(raised.path("active").path("state").asString()).isEqualTo("ACTIVE_UNACKED");
		assertThat(raised.path("active").path("value").asDouble()).isEqualTo(DemoPlant.OVERHEAT_TEMPERATURE);
		// the sample that crossed the limit is the collector's reading of the device
		// after
		// the over-temperature began (poll every 200 ms), and its alarm is on the
		// WebSocket within a second of it
		assertThat(sampleTime).isAfterOrEqualTo(overheated.minusMillis(250));
		assertThat(sampleToWebSocket).as("sample -> WebSocket").isLessThan(Duration.ofSeconds(1));

		Api.Response acked = Api.post(acknowledge, this.operatorToken, Map.of("comment", "system test"));
		assertThat(acked.status()).as(acked.toString()).isEqualTo(200);
		JsonNode acknowledged = await("the acknowledgement pushed").atMost(Duration.ofSeconds(10))
			.until(() -> alarmFrame(alarm, "ACKNOWLEDGED"), Objects::nonNull);
		assertThat(acknowledged.path("active").path("state").asString()).isEqualTo("ACTIVE_ACKED");
		assertThat(acknowledged.path("active").path("acknowledgedBy").asString()).isEqualTo("operator");

		// the journal, as the alarms page reads it: the activation, then the
		// acknowledgement with its user and comment
		JsonNode journal = Api
			.get(this.stack.url("storage-engine", "/api/v1/alarms/journal?definitionId=" + alarm), this.operatorToken)
			.json();
		List<String> entries = journal.path("content")
			.valueStream()
			.map((entry) -> entry.path("event").asString() + " " + entry.path("state").asString() + " "
					+ text(entry.path("user")) + " " + text(entry.path("comment")))
			.toList();
		assertThat(entries).as(journal.toString())
			.containsExactly("ACKNOWLEDGED ACTIVE_ACKED operator system test", "ACTIVATED ACTIVE_UNACKED  ");

		// a client that subscribes now finds it in the list, acknowledged
		this.live.send(Map.of("type", "subscribe-alarms", "id", "a2"));
		JsonNode list = await("the second snapshot").atMost(Duration.ofSeconds(10))
			.until(() -> reply("alarms", "a2"), Objects::nonNull);
		assertThat(list.path("active").valueStream()).anySatisfy(
				(entry) -> assertThat(entry.path("definitionId").asLong() + " " + entry.path("state").asString())
					.isEqualTo(alarm + " ACTIVE_ACKED"));
	}

	@Test
	@Order(8)
	void anOperatorCannotChangeConfiguration() {
		Api.Response create = Api.post(admin("/api/v1/io/channels"), this.operatorToken, Map.of("name", "Op.Channel",
				"dataType", "FLOAT64", "protocol", "SIMULATOR", "settings", Map.of("waveform", "SINE")));
		assertThat(create.status()).as(create.toString()).isEqualTo(403);
		Api.Response rule = Api.post(admin("/api/v1/storage/rules"), this.operatorToken, Map.of("name", "op-rule",
				"mode", "CONTINUOUS", "settings", Map.of("intervalMs", 0), "channelIds", ids("Sim.Sine")));
		assertThat(rule.status()).as(rule.toString()).isEqualTo(403);
		Api.Response derived = Api.post(analytics("/api/v1/analytics/derived/signals"), this.operatorToken,
				Map.of("name", "op-derived", "formula", "#" + id("Sim.Sine") + " + 1"));
		assertThat(derived.status()).as(derived.toString()).isEqualTo(403);
		assertThat(Api.get(admin("/api/v1/io/channels?tag=system-test"), this.operatorToken).status()).isEqualTo(200);
		assertThat(Api.get(admin("/api/v1/io/channels?tag=system-test"), null).status()).isEqualTo(401);
	}

	@Test
	@Order(9)
	void aStorageEngineKilledWithSigkillMidIngestStoresEverySampleExactlyOnce() throws Exception {
		ServiceProcess storage = this.stack.service("storage-engine");
		new FaultedIngest(this.stack, id("Fault.Injected"))
			.run(Instant.now().minusSeconds(900).truncatedTo(ChronoUnit.SECONDS), 400, "storage engine killed", () -> {
				storage.kill();
				storage.start();
			}, () -> storage.awaitReady(ParxStack.START_TIMEOUT));
	}

	@Test
	@Order(10)
	void aTimeSeriesDatabaseServerRestartedMidIngestLosesNoSample() throws Exception {
		ServiceProcess storage = this.stack.service("storage-engine");
		new FaultedIngest(this.stack, id("Fault.Injected")).run(
				Instant.now().minusSeconds(1800).truncatedTo(ChronoUnit.SECONDS), 200,
				"time-series database server stopped", () -> {
					this.stack.timescale().stop();
					// the storage engine notices: its readiness includes the database
					await("storage engine unready").atMost(Duration.ofSeconds(30)).until(() -> !storage.ready());
				}, () -> {
					this.stack.timescale().start();
					System.out.println("system test: time-series database server started again");
					storage.awaitReady(Duration.ofSeconds(60));
				});
	}

	@Test
	@Order(11)
	void redisUnreachableFor30SecondsLosesNoSampleOfTheCollector() throws Exception {
		// a counter produces 0, 1, 2, ... every 200 ms: the stored values must be one
		// contiguous run without gaps (nothing lost) and without repeats (nothing twice)
		channel("Sim.Counter", "FLOAT64", "SIMULATOR",
				Map.of("waveform", "COUNTER", "amplitude", 1_000_000_000, "periodMs", 60000, "offset", 0));
		long counter = id("Sim.Counter");
		Api.Response rule = Api.post(admin("/api/v1/storage/rules"), this.engineerToken,
				Map.of("name", "counter-every-sample", "mode", "CONTINUOUS", "settings", Map.of("intervalMs", 0),
						"channelIds", List.of(counter)));
		assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
		String rows = " from samples where channel_id = " + counter;
		await("counter rows").atMost(Duration.ofSeconds(60)).until(() -> count("select count(*)" + rows) >= 10);
		Instant cut = Instant.now();
		this.stack.redisProxy().cut();
		Instant restored;
		try {
			long atCut = count("select count(*)" + rows);
			System.out.printf("system test: Redis cut for the collector and the storage engine, %d counter rows%n",
					atCut);
			// the outage itself: nothing must reach the database through Redis meanwhile
			await("a 30 s Redis outage").pollDelay(Duration.ofSeconds(30))
				.atMost(Duration.ofSeconds(31))
				.until(() -> true);
			assertThat(count("select count(*)" + rows + " and time > '" + cut.plusSeconds(2) + "'"))
				.as("rows stored while Redis was unreachable")
				.isZero();
		}
		finally {
			this.stack.redisProxy().restore();
			restored = Instant.now();
		}
		System.out.println("system test: Redis restored");
		String after = "select count(*)" + rows + " and time > '" + restored.plusSeconds(2) + "'";
		await("every counter value stored once").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> {
				assertThat(count(after)).as("rows after the outage").isPositive();
				// one statement, one snapshot: the counter keeps producing meanwhile
				long[] counted = new long[4];
				query("select count(*), (max(value_num) - min(value_num))::bigint + 1, count(distinct time),"
						+ " count(distinct value_num)" + rows, (rs) -> {
							for (int i = 0; i < counted.length; i++) {
								counted[i] = rs.getLong(i + 1);
							}
						});
				assertThat(counted[0]).as("rows vs. the counter's span").isEqualTo(counted[1]);
				assertThat(counted[2]).as("distinct times").isEqualTo(counted[0]);
				assertThat(counted[3]).as("distinct values").isEqualTo(counted[0]);
			});
		long total = count("select count(*)" + rows);
		// the outage's samples came from the collector's disk buffer: about 5 a second
		assertThat(count("select count(*)" + rows + " and time >= '" + cut + "' and time < '" + restored + "'"))
			.as("samples produced during the outage")
			.isGreaterThanOrEqualTo(100);
		System.out.printf("system test: %d counter samples stored exactly once across the Redis outage%n", total);
	}

	private JsonNode reply(String type, String id) {
		return this.live.messages.stream()
			.filter((m) -> type.equals(m.path("type").asString()) && id.equals(m.path("id").asString()))
			.findFirst()
			.orElse(null);
	}

	private static String text(JsonNode node) {
		return (node.isNull() || node.isMissingNode()) ? "" : node.asString();
	}

	private JsonNode alarmFrame(long definitionId, String event) {
		return this.live.messages.stream()
			.filter((m) -> "alarm".equals(m.path("type").asString())
					&& m.path("event").path("definitionId").asLong() == definitionId
					&& event.equals(m.path("event").path("event").asString()))
			.findFirst()
			.orElse(null);
	}

	private void channel(String name, String dataType, String protocol, Map<String, Object> settings) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("dataType", dataType);
		body.put("protocol", protocol);
		body.put("pollIntervalMs", 200);
		body.put("tags", List.of("system-test"));
		body.put("settings", settings);
		Api.Response response = Api.post(admin("/api/v1/io/channels"), this.engineerToken, body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		this.channels.put(name, response.json().path("id").asLong());
	}

	private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
		Map<String, Object> copy = new LinkedHashMap<>(map);
		copy.put(key, value);
		return copy;
	}

	private long id(String channel) {
		Long id = this.channels.get(channel);
		assertThat(id).as("channel %s was created", channel).isNotNull();
		return id;
	}

	private List<Long> ids(String... names) {
		List<Long> ids = new ArrayList<>();
		for (String name : names) {
			ids.add(id(name));
		}
		return ids;
	}

	private String admin(String path) {
		return this.stack.url("admin-api", path);
	}

	private String analytics(String path) {
		return this.stack.url("analytics-engine", path);
	}

	private long count(String sql) throws SQLException {
		return this.stack.count(sql);
	}

	private void query(String sql, ParxStack.RowHandler handler) throws SQLException {
		this.stack.query(sql, handler);
	}

}
