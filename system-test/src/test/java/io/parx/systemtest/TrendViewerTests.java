package io.parx.systemtest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.parx.bench.demo.ModbusDevice;
import io.parx.bench.demo.PlantSimulation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The trend viewer (issue 15) as a process engineer uses it, in headless Chromium against
 * the whole stack through the web gateway: two channels of the demo plant's Modbus device
 * (furnace temperature and line speed, stored with every sample) and its coil number as
 * the trigger of a batch definition. The steps build on each other; each leaves a
 * screenshot in target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class TrendViewerTests {

	private static final String ENGINEER = "trend-engineer";

	private static final String PASSWORD = "trend-test-1";

	/** History written before the channels existed, at the plant's values. */
	private static final Duration BACKFILL = Duration.ofMinutes(10);

	private static final Duration BACKFILL_STEP = Duration.ofMillis(100);

	private ParxStack stack;

	private Browser browser;

	private TrendPage trends;

	private String token;

	private long furnace;

	private long speed;

	private long batchDefinition;

	private long derivedId;

	@BeforeAll
	void twoChannelsOfTheDemoPlantWithTenMinutesOfHistoryAndACoilBatchDefinition(ParxStack stack) throws Exception {
		this.stack = stack;
		String admin = stack.login(ParxStack.ADMIN, ParxStack.ADMIN_PASSWORD);
		Api.Response user = Api.post(stack.url("admin-api", "/api/v1/users"), admin,
				Map.of("username", ENGINEER, "password", PASSWORD, "role", "ENGINEER"));
		assertThat(user.status()).as(user.toString()).isEqualTo(201);
		this.token = stack.login(ENGINEER, PASSWORD);
		Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.furnace = channel("Trend.Furnace", "FLOAT32", "°C", ModbusDevice.FURNACE_TEMPERATURE);
		this.speed = channel("Trend.LineSpeed", "FLOAT32", "m/s", ModbusDevice.LINE_SPEED);
		long coil = channel("Trend.Coil", "INT32", "", ModbusDevice.COIL_NUMBER);
		post("/api/v1/storage/rules", Map.of("name", "trend-every-sample", "mode", "CONTINUOUS", "settings",
				Map.of("intervalMs", 0), "channelIds", List.of(this.furnace, this.speed)));
		post("/api/v1/storage/rules", Map.of("name", "trend-coil-changes", "mode", "CHANGE", "settings",
				Map.of("deadband", 0), "channelIds", List.of(coil)));
		this.batchDefinition = post("/api/v1/storage/batch-definitions",
				Map.of("name", "trend-coils", "mode", "VALUE_CHANGE", "triggerChannelId", coil))
			.path("id")
			.asLong();
		// The shared stack may have run for a minute only: the ten minutes before the
		// channels existed get the plant's values at 10 Hz, so that a ten-minute view has
		// to be thinned to the plot's width and a zoom has more to show.
		backfill(created.minus(BACKFILL), created);
		this.browser = new Browser(stack.url("web", ""), Path.of("target", "screenshots"));
		this.trends = new TrendPage(this.browser);
	}

	@AfterAll
	void closeTheBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@AfterEach
	void screenshot(TestInfo test) {
		if (this.browser != null) {
			this.browser.screenshot("TrendViewerTests-" + test.getTestMethod().orElseThrow().getName());
		}
	}

	@Test
	@Order(1)
	void aLinkOpensTheViewerOnTwoChannelsOverTheLastTenMinutesAfterSignIn() throws Exception {
		this.browser.open("/trends?c=" + this.furnace + "," + this.speed + "&range=PT10M");
		this.browser.await(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/signin"));
		this.browser.signIn(ENGINEER, PASSWORD);
		assertThat(this.browser.path()).isEqualTo("/trends");
		assertThat(this.trends.params()).containsEntry("c", this.furnace + "," + this.speed)
			.containsEntry("range", "PT10M");
		this.trends.awaitAnswer(0);
		assertThat(this.trends.legend()).containsExactly("c" + this.furnace, "c" + this.speed);
		assertThat(Duration.between(this.trends.queryFrom(), this.trends.queryTo())).isEqualTo(Duration.ofMinutes(10));
		assertThat(this.trends.queryTo()).isCloseTo(Instant.now(), within(30, ChronoUnit.SECONDS));
		// maxPoints is the plot's width: ten minutes at 10 Hz are thinned to it
		int maxPoints = this.trends.maxPoints();
		assertThat(maxPoints).isBetween(300, 1400);
		assertThat(this.trends.counts().get("c" + this.furnace)).isBetween(maxPoints / 2, maxPoints);
		assertThat(stored(this.furnace, this.trends.queryFrom(), this.trends.queryTo())).isGreaterThan(maxPoints);
		assertThat(this.trends.source()).startsWith("raw+lttb, raw, ");
	}

	@Test
	@Order(2)
	void channelsPickedByNameAreAddedToThePlotAndTheLink() {
		this.browser.open("/trends?range=PT10M");
		this.browser.find("[data-testid=channel-search]").sendKeys("Trend.");
		this.trends.pickChannel("Trend.Furnace");
		this.trends.pickChannel("Trend.LineSpeed");
		this.browser.await(Duration.ofSeconds(10))
			.until((driver) -> (this.furnace + "," + this.speed).equals(this.trends.params().get("c")));
		this.trends.awaitAnswer(0);
		assertThat(this.trends.legend()).containsExactly("c" + this.furnace, "c" + this.speed);
		assertThat(this.browser.find("[data-testid=legend-item][data-key=c" + this.speed + "]").getText())
			.contains("Trend.LineSpeed")
			.contains("m/s");
		this.browser.find("[data-testid=channel-search]").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
		// the picture of README.md and docs/WEB.md (docs/images/trends-viewer.png), with
		// the whole plot in view
		Dimension size = this.browser.driver.manage().window().getSize();
		int maxPoints = this.trends.maxPoints();
		this.browser.driver.manage().window().setSize(new Dimension(size.getWidth(), 1000));
		try {
			this.trends.awaitAnswer(0);
			this.browser.screenshot("TrendViewerTests-trends-viewer");
		}
		finally {
			this.browser.driver.manage().window().setSize(size);
		}
		// a scroll bar that came or went asked for another width: back to the first one
		this.browser.await(Duration.ofSeconds(20)).until((driver) -> this.trends.maxPoints() == maxPoints);
		this.trends.awaitAnswer(0);
	}

	@Test
	@Order(3)
	void aBoxDraggedOnThePlotAsksForItsSmallerRangeWithMoreDetail() throws Exception {
		Instant wideFrom = this.trends.queryFrom();
		double wideDensity = this.trends.counts().get("c" + this.furnace) / 600.0;
		long before = this.trends.requests();
		// from 2 to 4 minutes into the ten: two minutes of the backfilled history
		this.trends.dragBox(0.2, 0.4);
		this.trends.awaitAnswer(before);
		Instant from = this.trends.queryFrom();
		Instant to = this.trends.queryTo();
		assertThat(Duration.between(from, to).toSeconds()).isBetween(100L, 140L);
		assertThat(from).isCloseTo(wideFrom.plusSeconds(120), within(15, ChronoUnit.SECONDS));
		assertThat(this.trends.params()).doesNotContainKey("range");
		assertThat(Instant.parse(this.trends.params().get("from"))).isEqualTo(from);
		assertThat(Instant.parse(this.trends.params().get("to"))).isEqualTo(to);
		int points = this.trends.counts().get("c" + this.furnace);
		double density = points / (Duration.between(from, to).toMillis() / 1000.0);
		System.out.printf("trend viewer: %.1f points/s over ten minutes, %.1f after zooming into %s%n", wideDensity,
				density, Duration.between(from, to));
		assertThat(density).as("points per second after the zoom").isGreaterThan(3 * wideDensity);
		assertThat(points).isEqualTo(Math.min(stored(this.furnace, from, to), this.trends.maxPoints()));

		// ◀ and ▶ step back to the ten minutes and forward to the box
		before = this.trends.requests();
		this.browser.button("Back").click();
		this.browser.await(Duration.ofSeconds(10)).until((driver) -> "PT10M".equals(this.trends.params().get("range")));
		this.trends.awaitAnswer(before);
		before = this.trends.requests();
		this.browser.button("Forward").click();
		this.browser.await(Duration.ofSeconds(10))
			.until((driver) -> this.trends.params().containsKey("from")
					&& Instant.parse(this.trends.params().get("from")).equals(from));
		this.trends.awaitAnswer(before);
		assertThat(this.trends.queryTo()).isEqualTo(to);
	}

	@Test
	@Order(4)
	void aFormulaWithASyntaxErrorIsMarkedThenFixedPreviewedSavedAndPlotted() {
		this.browser.find("[data-testid=derived-builder] summary").click();
		WebElement formula = this.browser.find("[data-testid=formula]");
		// completion: [ and part of a name offers the channel, Tab takes it
		formula.sendKeys("[Trend.Fur");
		this.browser.await(Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=formula-option]"),
					"Trend.Furnace"));
		formula.sendKeys(Keys.TAB);
		this.browser.await(Duration.ofSeconds(5))
			.until(ExpectedConditions.attributeToBe(formula, "value", "[Trend.Furnace]"));
		formula.sendKeys(" * * 1.8");
		String wrong = "[Trend.Furnace] * * 1.8";
		Api.Response problem = Api.post(this.stack.url("analytics-engine", "/api/v1/analytics/derived/evaluate"),
				this.token, Map.of("formula", wrong, "from", Instant.now().minusSeconds(1).toString(), "to",
						Instant.now().toString()));
		assertThat(problem.status()).as(problem.toString()).isEqualTo(400);
		int position = problem.json().path("position").asInt();
		assertThat(position).isEqualTo(wrong.lastIndexOf('*'));
		// the check half a second after the last key stroke marks the engine's position
		// (the check of "[Trend.Fur" marked another one)
		this.browser.await(Duration.ofSeconds(10))
			.ignoring(StaleElementReferenceException.class)
			.until((driver) -> this.browser.all("[data-testid=formula-error-mark]")
				.stream()
				.anyMatch((mark) -> this.trends.markedPosition(mark) == position));
		WebElement mark = this.browser.find("[data-testid=formula-error-mark]");
		assertThat(mark.getText()).isEqualTo(wrong.substring(position, position + 1));
		assertThat(formula.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(this.browser.find("[data-testid=formula-error]").getText()).isNotBlank();
		this.browser.screenshot("TrendViewerTests-formula-syntax-error");

		formula.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, "[Trend.Furnace] * 1.8 + 32");
		formula.sendKeys(Keys.ESCAPE);
		this.browser.await(Duration.ofSeconds(10))
			.until(ExpectedConditions.attributeToBe(formula, "aria-invalid", "false"));
		assertThat(this.browser.all("[data-testid=formula-error-mark]")).isEmpty();

		this.browser.find("[data-testid=preview]").click();
		await("the preview plotted").atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.trends.counts()).hasEntrySatisfying("preview",
					(count) -> assertThat(count).isPositive()));

		this.browser.find("[data-testid=derived-name]").sendKeys("Trend.Furnace in °F");
		this.browser.find("[data-testid=derived-unit]").sendKeys("°F");
		this.browser.find("[data-testid=save-derived]").click();
		this.browser.await(Duration.ofSeconds(20)).until((driver) -> this.trends.params().containsKey("d"));
		this.derivedId = Long.parseLong(this.trends.params().get("d"));
		JsonNode saved = Api
			.get(this.stack.url("analytics-engine", "/api/v1/analytics/derived/signals/" + this.derivedId), this.token)
			.json();
		assertThat(saved.path("formula").asString()).isEqualTo("[Trend.Furnace] * 1.8 + 32");
		assertThat(saved.path("unit").asString()).isEqualTo("°F");
		this.trends.awaitAnswer(0);
		assertThat(this.trends.legend()).containsExactly("c" + this.furnace, "c" + this.speed, "d" + this.derivedId);

		// removed from the plot and picked again like a channel
		this.browser.button("Remove Trend.Furnace in °F").click();
		this.browser.await(Duration.ofSeconds(10)).until((driver) -> !this.trends.params().containsKey("d"));
		this.browser.find("[data-testid=derived-search]").sendKeys("in °F");
		this.browser.find("[data-testid=derived-result]").click();
		this.browser.await(Duration.ofSeconds(10))
			.until((driver) -> Long.toString(this.derivedId).equals(this.trends.params().get("d")));
		this.trends.awaitAnswer(0);
		assertThat(this.trends.legend()).containsExactly("c" + this.furnace, "c" + this.speed, "d" + this.derivedId);
		assertThat(this.trends.counts().get("d" + this.derivedId)).isPositive();
	}

	@Test
	@Order(5)
	void csvAndXlsxExportsHoldTheStoredRowsOfTheVisibleRange() throws Exception {
		Instant from = Instant.parse(this.trends.params().get("from"));
		Instant to = Instant.parse(this.trends.params().get("to"));
		new Select(this.browser.find("[data-testid=export-format]")).selectByValue("csv");
		this.browser.find("[data-testid=export-run]").click();
		ExportTable csv = ExportTable.csv(this.trends.awaitDownload(".csv"));
		Map<String, Integer> csvRows = csv.rowsPerSeries();
		assertThat(csvRows).containsEntry("channel " + this.furnace, stored(this.furnace, from, to))
			.containsEntry("channel " + this.speed, stored(this.speed, from, to));
		// the formula on a grid of one second over the range, in °F
		long seconds = Duration.between(from, to).toSeconds();
		assertThat(csvRows.get("derived " + this.derivedId)).isBetween((int) seconds - 1, (int) seconds + 1);
		List<String> series = csv.column("series");
		List<String> values = csv.column("value");
		assertThat(IntStream.range(0, series.size())
			.filter((i) -> series.get(i).equals("derived") && !values.get(i).isEmpty())
			.mapToObj((i) -> Double.parseDouble(values.get(i)))
			.toList()).isNotEmpty().allSatisfy((value) -> assertThat(value).isBetween(1400.0, 1700.0));

		new Select(this.browser.find("[data-testid=export-format]")).selectByValue("xlsx");
		this.browser.find("[data-testid=export-run]").click();
		ExportTable xlsx = ExportTable.xlsx(this.trends.awaitDownload(".xlsx"));
		assertThat(xlsx.header()).isEqualTo(csv.header());
		assertThat(xlsx.rowsPerSeries()).isEqualTo(csvRows);
	}

	@Test
	@Order(6)
	void aReloadFromTheUrlShowsTheSameView() {
		String url = this.browser.driver.getCurrentUrl();
		List<String> legend = this.trends.legend();
		Map<String, Integer> counts = this.trends.counts();
		Instant from = this.trends.queryFrom();
		Instant to = this.trends.queryTo();
		this.browser.driver.navigate().refresh();
		this.trends.awaitAnswer(0);
		assertThat(this.browser.driver.getCurrentUrl()).isEqualTo(url);
		assertThat(this.trends.legend()).isEqualTo(legend);
		assertThat(this.trends.queryFrom()).isEqualTo(from);
		assertThat(this.trends.queryTo()).isEqualTo(to);
		assertThat(this.trends.counts()).isEqualTo(counts);
	}

	@Test
	@Order(7)
	void followingLiveFromADashboardTrendMovesTheRightEdgeWithLiveSamples() {
		long dashboard = post("/api/v1/dashboards",
				Map.of("name", "Trend viewer test", "shared", true, "layout",
						Map.of("widgets",
								List.of(Map.of("id", "trend", "kind", "TREND", "title", "Furnace and line", "x", 0, "y",
										0, "w", 12, "h", 6, "channelIds", List.of(this.furnace, this.speed), "options",
										Map.of("window", "PT5M"))))))
			.path("id")
			.asLong();
		this.browser.open("/dashboards/" + dashboard);
		this.browser.find("[data-testid=open-in-trends]").click();
		this.browser.await(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/trends"));
		assertThat(this.trends.params()).containsEntry("c", this.furnace + "," + this.speed)
			.containsEntry("range", "PT5M")
			.containsEntry("live", "1");
		assertThat(this.browser.find("[data-testid=follow-live]").isSelected()).isTrue();
		this.trends.awaitAnswer(0);
		long requests = this.trends.requests();
		double edge = this.trends.xMax();
		int points = this.trends.points();
		// the right edge moves with the clock and live samples are appended, without
		// asking the history again
		await("the right edge moving").atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.trends.xMax()).isGreaterThan(edge + 3));
		await("live points appended").atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.trends.points()).isGreaterThan(points + 10));
		assertThat(this.trends.xMax() * 1000).isCloseTo(System.currentTimeMillis(), within(5_000.0));
		assertThat(this.trends.xMax() * 1000).isGreaterThan(this.trends.queryTo().toEpochMilli() + 3_000);
		assertThat(this.trends.requests()).isEqualTo(requests);
	}

	@Test
	@Order(8)
	void twoCoilBatchesOpenedAndOverlaidOnSecondsSinceTheirStartWithTheirNamesInTheLegend() {
		List<JsonNode> batches = new ArrayList<>();
		await("two finished coil batches").atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			batches.clear();
			Api.Response answer = Api.get(this.stack.url("analytics-engine",
					"/api/v1/analytics/batches?definitionId=" + this.batchDefinition + "&from="
							+ Instant.now().minus(1, ChronoUnit.HOURS) + "&to=" + Instant.now().plusSeconds(60)),
					this.token);
			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			answer.json().path("content").forEach((batch) -> {
				if (!batch.path("end").isNull() && !batch.path("end").isMissingNode()) {
					batches.add(batch);
				}
			});
			assertThat(batches).hasSizeGreaterThanOrEqualTo(2);
		});
		// the newest two: the first batch after the definition was created may be cut
		// short
		batches
			.sort(Comparator.comparing((JsonNode batch) -> Instant.parse(batch.path("start").asString())).reversed());
		JsonNode first = batches.get(0);
		JsonNode second = batches.get(1);
		this.browser.find("[data-testid=batch-panel] summary").click();

		long before = this.trends.requests();
		batchRow(first).findElement(By.cssSelector("[data-testid=batch-open]")).click();
		Instant start = Instant.parse(first.path("start").asString());
		Instant end = Instant.parse(first.path("end").asString());
		this.browser.await(Duration.ofSeconds(10)).until((driver) -> this.trends.params().containsKey("from"));
		assertThat(Instant.parse(this.trends.params().get("from"))).isCloseTo(start, within(1, ChronoUnit.MILLIS));
		assertThat(Instant.parse(this.trends.params().get("to"))).isCloseTo(end, within(1, ChronoUnit.MILLIS));
		assertThat(this.trends.params()).doesNotContainKey("live");
		this.trends.awaitAnswer(before);

		batchRow(first).findElement(By.cssSelector("[data-testid=batch-overlay]")).click();
		batchRow(second).findElement(By.cssSelector("[data-testid=batch-overlay]")).click();
		this.browser.await(Duration.ofSeconds(10))
			.until((driver) -> (first.path("id").asLong() + "," + second.path("id").asLong())
				.equals(this.trends.params().get("batches")));
		this.browser.find("[data-testid=overlay-viewer]");
		List<String> expected = new ArrayList<>();
		for (JsonNode batch : List.of(first, second)) {
			expected.add(name(batch) + " · Trend.Furnace [°C]");
			expected.add(name(batch) + " · Trend.LineSpeed [m/s]");
		}
		await("the batches in the legend").atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(
					this.browser.all("[data-testid=overlay-legend-item]").stream().map(WebElement::getText).toList())
				.containsExactlyInAnyOrderElementsOf(expected));
		await("the overlay drawn").atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(
					Integer.parseInt(this.browser.find("[data-testid=overlay-viewer]").getDomAttribute("data-points")))
				.isPositive());
		// seconds since each batch's start: the axis starts at 0 and spans about a coil
		assertThat(this.trends.xMin()).isZero();
		assertThat(this.trends.xMax()).isBetween(5.0, 40.0);
	}

	/** The batch's row in the batch panel, found by its name. */
	private WebElement batchRow(JsonNode batch) {
		return this.trends.batchRow(batch.path("name").isNull() ? batch.path("id").asString() : name(batch),
				batch.path("id").asLong());
	}

	/** As the page names a batch. */
	private static String name(JsonNode batch) {
		return batch.path("name").isNull() ? "#" + batch.path("id").asLong() : batch.path("name").asString();
	}

	/** Stored samples of a channel in [from, to). */
	private int stored(long channel, Instant from, Instant to) throws Exception {
		return (int) this.stack.count("select count(*) from samples where channel_id = " + channel + " and time >= '"
				+ from + "' and time < '" + to + "'");
	}

	private void backfill(Instant from, Instant to) throws Exception {
		PlantSimulation plant = new PlantSimulation(Duration.ofSeconds(15));
		try (Connection connection = this.stack.timeseries();
				PreparedStatement insert = connection.prepareStatement(
						"insert into samples (channel_id, time, value_num, quality) values (?, ?, ?, 0)")) {
			for (Instant time = from; time.isBefore(to); time = time.plus(BACKFILL_STEP)) {
				PlantSimulation.State state = plant.at(time);
				row(insert, this.furnace, time, state.furnaceTemperature());
				row(insert, this.speed, time, state.lineSpeed());
			}
			insert.executeBatch();
		}
	}

	private static void row(PreparedStatement insert, long channel, Instant time, double value) throws SQLException {
		insert.setLong(1, channel);
		insert.setTimestamp(2, Timestamp.from(time));
		insert.setDouble(3, value);
		insert.addBatch();
	}

	private long channel(String name, String dataType, String unit, int address) {
		Map<String, Object> modbus = Map.of("host", "127.0.0.1", "port", this.stack.plant().modbus().port(), "unitId",
				1, "registerType", "HOLDING_REGISTER", "address", address, "timeoutMs", 500);
		return post("/api/v1/io/channels", Map.of("name", name, "dataType", dataType, "unit", unit, "protocol",
				"MODBUS_TCP", "pollIntervalMs", 200, "tags", List.of("trend-test"), "settings", modbus))
			.path("id")
			.asLong();
	}

	private JsonNode post(String path, Map<String, Object> body) {
		Api.Response created = Api.post(this.stack.url("admin-api", path), this.token, body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

}
