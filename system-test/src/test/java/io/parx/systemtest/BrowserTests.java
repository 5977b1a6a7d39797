package io.parx.systemtest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import io.parx.bench.demo.ModbusDevice;
import io.parx.bench.demo.PlantSimulation;
import io.parx.bench.support.Bench;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web console as a plant engineer and an operator use it, in headless Chromium
 * against the whole stack through the web gateway's one port (issue 14). A Modbus device
 * of the demo plant's kind runs in the test so that the test decides when its values
 * change and when it stops. The steps build on each other; each leaves a screenshot in
 * target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BrowserTests {

	private static final String ENGINEER = "web-engineer";

	private static final String OPERATOR = "web-operator";

	private static final String PASSWORD = "browser-test-1";

	private ParxStack stack;

	private ModbusDevice device;

	private Browser browser;

	private String engineerToken;

	private long dashboardId;

	private long furnace;

	private long setpoint;

	private long burner;

	@BeforeAll
	void aPlantWithADeviceAndAChannelWithHistory(ParxStack stack) throws Exception {
		this.stack = stack;
		stack.createEngineerAndOperator(ENGINEER, OPERATOR, PASSWORD);
		this.engineerToken = this.stack.login(ENGINEER, PASSWORD);
		this.device = new ModbusDevice(Bench.freePort());
		setFurnace(500.0);
		Map<String, Object> modbus = Map.of("host", "127.0.0.1", "port", this.device.port(), "unitId", 1,
				"registerType", "HOLDING_REGISTER", "address", ModbusDevice.FURNACE_TEMPERATURE, "timeoutMs", 500);
		long furnace = channel("Web.Furnace", "FLOAT32", "°C", modbus);
		this.furnace = furnace;
		channel("Web.Alarm", "BOOL", "", Map.of("host", "127.0.0.1", "port", this.device.port(), "unitId", 1,
				"registerType", "COIL", "address", ModbusDevice.ALARM, "timeoutMs", 500));
		// Written by the SETPOINT widgets: an engineer's setpoint with limits, and a
		// switch.
		this.setpoint = channel("Web.Furnace.Setpoint", "FLOAT32", "°C",
				Map.of("host", "127.0.0.1", "port", this.device.port(), "unitId", 1, "registerType", "HOLDING_REGISTER",
						"address", ModbusDevice.FURNACE_SETPOINT, "timeoutMs", 500, "writable", true, "writeMin", 0,
						"writeMax", 1000));
		this.burner = channel("Web.Burner", "BOOL", "",
				Map.of("host", "127.0.0.1", "port", this.device.port(), "unitId", 1, "registerType", "COIL", "address",
						ModbusDevice.BURNER, "timeoutMs", 500, "writable", true));
		Api.Response rule = Api.post(stack.url("admin-api", "/api/v1/storage/rules"), this.engineerToken,
				Map.of("name", "web-history", "mode", "CONTINUOUS", "settings", Map.of("intervalMs", 0), "channelIds",
						List.of(furnace)));
		assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
		// The trend's history: rows stored before the dashboard opens.
		await("history of Web.Furnace").atMost(Duration.ofSeconds(60))
			.until(() -> stack.count("select count(*) from samples where channel_id = " + furnace) >= 5);
		this.browser = new Browser(stack.url("web", ""), Path.of("target", "screenshots"));
	}

	@AfterAll
	void closeTheBrowserAndTheDevice() {
		if (this.browser != null) {
			this.browser.close();
		}
		if (this.device != null) {
			this.device.close();
		}
	}

	@AfterEach
	void screenshot(TestInfo test) {
		if (this.browser != null) {
			this.browser.screenshot("BrowserTests-" + test.getTestMethod().orElseThrow().getName());
		}
	}

	@Test
	@Order(1)
	void anEngineerSignsInThroughTheWebPortAndLandsOnThePageAskedFor() {
		// A deep link without a session goes to sign-in and, after it, back to where the
		// user wanted to go.
		this.browser.open("/dashboards");
		this.browser.await(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/signin"));
		this.browser.signIn(ENGINEER, PASSWORD);
		assertThat(this.browser.path()).isEqualTo("/dashboards");
		assertThat(this.browser.driver.getCurrentUrl()).doesNotContain("token");
	}

	@Test
	@Order(2)
	void anEngineerBuildsADashboardWithAValueATrendAndAStatusWidget() {
		this.browser.find("[data-testid=new-dashboard]").click();
		this.browser.find("[data-testid=new-dashboard-name]").sendKeys("Browser test line");
		this.browser.button("Create").click();
		this.browser.await(Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches(".*/dashboards/\\d+$"));
		this.dashboardId = Long.parseLong(this.browser.path().replaceAll(".*/", ""));
		this.browser.find("[data-testid=edit]").click();
		addWidget("VALUE", "Furnace now", "Web.Furnace");
		addWidget("TREND", "Furnace trend", "Web.Furnace");
		addWidget("STATUS", "Alarm", "Web.Alarm");
		this.browser.find("[data-testid=save]").click();
		this.browser.find("[data-testid=edit]");
		JsonNode stored = dashboard();
		assertThat(stored.path("layout").path("widgets").findValuesAsString("kind")).containsExactly("VALUE", "TREND",
				"STATUS");
		assertThat(stored.path("shared").asBoolean()).isTrue();
	}

	@Test
	@Order(3)
	void theValueShowsTheDevicesNewValueWithinTwoSeconds() {
		await().atMost(Duration.ofSeconds(10)).until(() -> valueText("VALUE").equals("500"));
		Instant changed = Instant.now();
		setFurnace(612.5);
		await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> valueText("VALUE").equals("612.5"));
		System.out.printf("browser test: device change visible after %d ms%n",
				Duration.between(changed, Instant.now()).toMillis());
	}

	@Test
	@Order(4)
	void theTrendDrawsHistoryAndThenLivePoints() {
		WebElement trend = this.browser.find("[data-kind=TREND] [data-testid=trend]");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(Integer.parseInt(attribute(trend, "data-history-points"))).as("history points").isPositive();
			assertThat(Integer.parseInt(attribute(trend, "data-live-points"))).as("live points").isPositive();
		});
		assertThat(trend.findElements(By.cssSelector("canvas"))).isNotEmpty();
	}

	@Test
	@Order(5)
	void aDraggedWidgetKeepsItsPlaceAfterSavingAndReloading() {
		this.browser.find("[data-testid=edit]").click();
		WebElement handle = this.browser.find("[data-kind=STATUS] .drag-handle");
		new Actions(this.browser.driver).clickAndHold(handle)
			.moveByOffset(40, 0)
			.moveByOffset(200, 0)
			.moveByOffset(200, 0)
			.release()
			.perform();
		this.browser.find("[data-testid=save]").click();
		this.browser.find("[data-testid=edit]");
		this.browser.driver.navigate().refresh();
		this.browser.find("[data-kind=STATUS]");
		JsonNode status = widget(dashboard(), "STATUS");
		assertThat(status.path("x").asInt()).as("column after the drag").isGreaterThanOrEqualTo(6);
	}

	@Test
	@Order(6)
	void anExportedTemplateImportedAgainListsTheChannelsItCannotBind() throws Exception {
		this.browser.open("/dashboards");
		this.browser.button("Export Browser test line").click();
		Path exported = this.browser.downloads.resolve("Browser-test-line.parx-dashboard.json");
		// Chromium writes a .crdownload file first and renames it when done: until then
		// the file is not there
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptionsInstanceOf(NoSuchFileException.class)
			.until(() -> Files.size(exported) > 0);
		ObjectNode template = (ObjectNode) Api.JSON.readTree(Files.readString(exported));
		assertThat(template.path("format").asString()).isEqualTo("parx-dashboard");
		assertThat(widget(template, "VALUE").path("channels").get(0).asString()).isEqualTo("Web.Furnace");
		// A copy for another line: new identity and name, and a channel this installation
		// does not have.
		template.remove("uid");
		template.put("name", "Browser test line 2");
		((ArrayNode) widget(template, "VALUE").path("channels")).add("Line2.Furnace");
		Path copy = this.browser.downloads.resolve("line2.json");
		Files.writeString(copy, Api.JSON.writeValueAsString(template));
		this.browser.button("Import template").click();
		this.browser.driver.findElement(By.cssSelector("[data-testid=import-file]")).sendKeys(copy.toString());
		WebElement result = this.browser.find("[data-testid=import-result]");
		assertThat(result.getText()).contains("Created").contains("Browser test line 2");
		assertThat(this.browser.find("[data-testid=unresolved]").getText()).contains("Line2.Furnace");
		this.browser.button("Close").click();
	}

	@Test
	@Order(7)
	void anAlarmShowsInTheHeaderCountAndTheAlarmWidgetAndIsAcknowledgedThere() {
		Api.Response definition = Api.post(this.stack.url("admin-api", "/api/v1/alarms/definitions"),
				this.engineerToken, Map.of("name", "Web furnace hot", "channelId", this.furnace, "type", "HI", "limit",
						700, "deadband", 5, "priority", "HIGH", "message", "Furnace above 700 °C: {value} {unit}"));
		assertThat(definition.status()).as(definition.toString()).isEqualTo(201);
		this.browser.open("/dashboards/" + this.dashboardId);
		this.browser.find("[data-testid=edit]").click();
		this.browser.find(".palette-item[data-kind=ALARM_LOG]").click();
		WebElement editor = this.browser.find(".editor");
		editor.findElement(By.cssSelector("[data-testid=widget-title]")).sendKeys("Alarms");
		// Narrow (6 of 24 columns): badges, state and buttons must wrap, not be clipped.
		editor.findElement(By.xpath(".//fieldset[contains(@class,'position')]//label[contains(.,'Width')]/input"))
			.sendKeys(Keys.chord(Keys.CONTROL, "a"), "6");
		editor.findElement(By.cssSelector("button[type=submit]")).click();
		this.browser.button("Close").click();
		this.browser.find("[data-testid=save]").click();
		this.browser.find("[data-testid=edit]");

		setFurnace(750.0);
		// The data-router pushes the transition (subscribe-alarms); without it the
		// console
		// would poll GET /alarms/active every 10 s, and the page below says which it
		// does.
		String row = "[data-kind=ALARM_LOG] [data-testid=active-alarm]";
		await("the alarm in the widget").atMost(Duration.ofSeconds(40))
			.until(() -> this.browser.all(row).stream().anyMatch((e) -> e.getText().contains("Web furnace hot")));
		WebElement alarm = furnaceAlarm(row);
		assertThat(alarm.getText()).contains("HIGH").contains("Active, unacknowledged").contains("value 750 °C");
		assertThat(Integer.parseInt(this.browser.find("[data-testid=alarm-count-number]").getText()))
			.as("unacknowledged alarms in the header")
			.isPositive();
		assertThat(this.browser.find("[data-testid=alarm-count]").getAttribute("class"))
			.matches(".*priority-(high|critical).*");
		this.browser.script("arguments[0].scrollIntoView({block: 'center'})", alarm);
		this.browser.screenshot("BrowserTests-alarmWidgetRaised");
		this.browser.find("[data-testid=alarm-count]").click();
		assertThat(this.browser.find("[data-testid=alarm-summary]").getText()).endsWith("Live");
		this.browser.screenshot("BrowserTests-alarmsPageRaised");
		this.browser.driver.navigate().back();
		await("the widget again").atMost(Duration.ofSeconds(20))
			.until(() -> this.browser.all(row).stream().anyMatch((e) -> e.getText().contains("Web furnace hot")));
		alarm = furnaceAlarm(row);

		alarm.findElement(By.cssSelector("[data-testid=alarm-acknowledge]")).click();
		this.browser.find("[data-testid=acknowledge-comment]").sendKeys("burner throttled");
		this.browser.find("[data-testid=acknowledge-confirm]").click();
		await("the acknowledged alarm").atMost(Duration.ofSeconds(20))
			.until(() -> furnaceAlarm(row).getText().contains("Active, acknowledged"));
		assertThat(furnaceAlarm(row).getText()).contains("ack. by " + ENGINEER);
		JsonNode active = Api.get(this.stack.url("web", "/api/v1/alarms/active"), this.engineerToken).json();
		assertThat(active.path("content").findValuesAsString("acknowledgedBy")).contains(ENGINEER);

		this.browser.find("[data-testid=alarm-count]").click();
		this.browser.find("[data-testid=alarm-summary]");
		this.browser.screenshot("BrowserTests-alarmsPageAcknowledged");
		this.browser.find("[data-testid=alarms-tab-journal]").click();
		await("the acknowledgement in the journal").atMost(Duration.ofSeconds(20))
			.until(() -> this.browser.all("[data-testid=journal-entry]")
				.stream()
				.anyMatch((e) -> e.getText().contains("Acknowledged") && e.getText().contains("burner throttled")));
		this.browser.screenshot("BrowserTests-alarmJournal");
		this.browser.find("[data-testid=journal-export-run]").click();
		await("the exported journal").atMost(Duration.ofSeconds(20))
			.until(() -> exportedJournal().contains("burner throttled"));
		setFurnace(612.5);
	}

	@Test
	@Order(8)
	void anEngineerAddsAWebhookWhoseTestDeliveryReachesTheReceiverWithTheSecret() throws Exception {
		List<String> received = new CopyOnWriteArrayList<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", (exchange) -> {
			received.add(exchange.getRequestHeaders().getFirst("X-Pager-Key") + " "
					+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
		try {
			this.browser.open("/alarms?tab=webhooks");
			this.browser.find("[data-testid=webhook-new]").click();
			this.browser.find("[data-testid=webhook-name]").sendKeys("Shift pager");
			this.browser.find("[data-testid=webhook-url]")
				.sendKeys("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
			this.browser.find("[data-testid=webhook-priority-CRITICAL]").click();
			WebElement header = this.browser.find("[data-testid=webhook-secret-header]");
			header.sendKeys(Keys.chord(Keys.CONTROL, "a"), "X-Pager-Key");
			this.browser.find("[data-testid=webhook-secret]").sendKeys("pager-7781");
			this.browser.screenshot("BrowserTests-webhookForm");
			this.browser.find("[data-testid=webhook-save]").click();
			await("the new webhook in the list").atMost(Duration.ofSeconds(20))
				.until(() -> this.browser.all("[data-testid=webhook-row]")
					.stream()
					.anyMatch((row) -> row.getText().contains("Shift pager") && row.getText().contains("HIGH")
							&& !row.getText().contains("CRITICAL")));
			this.browser.find("[data-testid=webhook-test]").click();
			await("the test delivery at the receiver").atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
			assertThat(received.getFirst()).startsWith("pager-7781 ").contains("\"TEST\"");
			await("the delivery in the list").atMost(Duration.ofSeconds(30))
				.until(() -> this.browser.find("[data-testid=webhook-last-delivery]")
					.getText()
					.startsWith("Delivered (204)"));
			this.browser.screenshot("BrowserTests-webhookDelivered");
			// the secret is never shown again, only that one is set
			this.browser.find("[data-testid=webhook-edit]").click();
			assertThat(this.browser.find("[data-testid=webhook-secret]").getAttribute("value")).isEmpty();
			assertThat(this.browser.find("[data-testid=webhook-secret]").getAttribute("placeholder")).startsWith("set");
			assertThat(this.browser.driver.getPageSource()).doesNotContain("pager-7781");
		}
		finally {
			receiver.stop(0);
		}
	}

	@Test
	@Order(9)
	void anEngineerWritesASetpointAfterConfirmingAndSeesTheValueReadBack() {
		this.browser.open("/dashboards/" + this.dashboardId);
		this.browser.find("[data-testid=edit]").click();
		// side by side in the free right half, where the grid moves them up to the top
		addWidget("SETPOINT", "Furnace setpoint", "Web.Furnace.Setpoint", 12);
		addWidget("SETPOINT", "Burner", "Web.Burner", 18);
		this.browser.find("[data-testid=save]").click();
		this.browser.find("[data-testid=edit]");
		String furnace = "[data-testid=setpoint][data-channel-id='" + this.setpoint + "'] ";
		this.browser.script("arguments[0].scrollIntoView({block: 'center'})", this.browser.find(furnace));
		await("the setpoint's live value").atMost(Duration.ofSeconds(30))
			.until(() -> this.browser.find(furnace + "[data-testid=value]").getText().equals("850"));
		assertThat(this.browser.find(furnace + "[data-testid=setpoint-limits]").getText())
			.isEqualTo("Limits: 0 to 1000 °C");

		// beyond the limit: said at once, nothing asked, nothing sent
		this.browser.find(furnace + "[data-testid=setpoint-input]").sendKeys("1200");
		this.browser.find(furnace + "[data-testid=setpoint-write]").click();
		assertThat(this.browser.find(furnace + ".field-error").getText()).isEqualTo("At most 1000 °C.");
		assertThat(this.browser.all("[data-testid=setpoint-question]")).isEmpty();

		this.browser.find(furnace + "[data-testid=setpoint-input]").sendKeys(Keys.chord(Keys.CONTROL, "a"), "72.5");
		this.browser.find(furnace + "[data-testid=setpoint-write]").click();
		assertThat(this.browser.find("[data-testid=setpoint-question]").getText())
			.isEqualTo("Write 72.5 °C to Web.Furnace.Setpoint?");
		this.browser.screenshot("BrowserTests-setpointConfirmation");
		assertThat(this.device.holdingFloat32(ModbusDevice.FURNACE_SETPOINT)).as("before the confirmation")
			.isEqualTo(850f);
		this.browser.find("[data-testid=setpoint-confirm]").click();
		WebElement outcome = this.browser.find(furnace + "[data-testid=setpoint-outcome]");
		assertThat(outcome.getText()).endsWith("Written 72.5 °C, read back 72.5 °C.");
		assertThat(outcome.getAttribute("data-tone")).isEqualTo("good");
		assertThat(this.device.holdingFloat32(ModbusDevice.FURNACE_SETPOINT)).isEqualTo(72.5f);
		await("the written value live").atMost(Duration.ofSeconds(30))
			.until(() -> this.browser.find(furnace + "[data-testid=value]").getText().equals("72.5"));

		String switchWidget = "[data-testid=setpoint][data-channel-id='" + this.burner + "'] ";
		await("the burner's live state").atMost(Duration.ofSeconds(30))
			.until(() -> "true"
				.equals(this.browser.find(switchWidget + "[data-testid=setpoint-on]").getAttribute("aria-pressed")));
		this.browser.find(switchWidget + "[data-testid=setpoint-off]").click();
		assertThat(this.browser.find("[data-testid=setpoint-question]").getText())
			.isEqualTo("Write off to Web.Burner?");
		this.browser.find("[data-testid=setpoint-confirm]").click();
		assertThat(this.browser.find(switchWidget + "[data-testid=setpoint-outcome]").getText())
			.endsWith("Written off, read back off.");
		assertThat(this.device.coil(ModbusDevice.BURNER)).isFalse();
		await("the burner off live").atMost(Duration.ofSeconds(30))
			.until(() -> "true"
				.equals(this.browser.find(switchWidget + "[data-testid=setpoint-off]").getAttribute("aria-pressed")));
		// the picture of docs/WEB.md (docs/images/setpoint-widget.png)
		this.browser.screenshot("BrowserTests-setpointWritten");
	}

	@Test
	@Order(10)
	void aValueOfAStoppedDeviceShowsAsBad() {
		this.browser.open("/dashboards/" + this.dashboardId);
		await().atMost(Duration.ofSeconds(20)).until(() -> valueText("VALUE").equals("612.5"));
		this.device.close();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !this.browser.all("[data-kind=VALUE] [data-quality=bad]").isEmpty());
		assertThat(this.browser.find("[data-kind=VALUE] [data-quality=bad]").getText()).startsWith("Bad");
	}

	@Test
	@Order(11)
	void anOperatorSeesTheSharedDashboardButCannotEditIt() {
		this.browser.signOut();
		this.browser.signIn(OPERATOR, PASSWORD);
		this.browser.open("/dashboards/" + this.dashboardId);
		this.browser.find("[data-kind=TREND]");
		assertThat(this.browser.all("[data-testid=edit]")).as("the Edit button").isEmpty();
		// the setpoint is for engineers only: the widget says so instead of offering it
		String furnace = "[data-testid=setpoint][data-channel-id='" + this.setpoint + "'] ";
		assertThat(this.browser.find(furnace + "[data-testid=setpoint-disabled]").getText())
			.isEqualTo("Only engineers and administrators may write Web.Furnace.Setpoint.");
		assertThat(this.browser.find(furnace + "[data-testid=setpoint-input]").isEnabled()).isFalse();
		this.browser.screenshot("BrowserTests-setpointOperator");
		this.browser.open("/dashboards");
		this.browser.find("[data-testid=dashboard-list]");
		assertThat(this.browser.all("[data-testid=new-dashboard]")).isEmpty();
	}

	@Test
	@Order(12)
	void theDashboardSaysWhenLiveDataIsLostAndWhenItIsBack() throws Exception {
		this.browser.open("/dashboards/" + this.dashboardId);
		this.browser.find("[data-kind=TREND]");
		await().atMost(Duration.ofSeconds(20)).until(() -> this.browser.all("[data-testid=live-connecting]").isEmpty());
		this.stack.service("data-router").kill();
		this.browser.find("[data-testid=live-lost]");
		this.browser.screenshot("BrowserTests-liveDataLost");
		this.stack.service("data-router").start();
		this.stack.service("data-router").awaitReady(ParxStack.START_TIMEOUT);
		// The client's backoff reaches 16-30 s while the router restarts.
		await().atMost(Duration.ofSeconds(90)).until(() -> this.browser.all("[data-testid=live-lost]").isEmpty());
		assertThat(this.browser.all("[data-testid=live-restored]")).isNotEmpty();
	}

	private void addWidget(String kind, String title, String channel) {
		addWidget(kind, title, channel, 0);
	}

	/**
	 * Adds a widget below the others, at a column (the grid moves it up where it fits).
	 */
	private void addWidget(String kind, String title, String channel, int column) {
		this.browser.find(".palette-item[data-kind=" + kind + "]").click();
		WebElement editor = this.browser.find(".editor");
		WebElement titleField = editor.findElement(By.cssSelector("[data-testid=widget-title]"));
		titleField.clear();
		titleField.sendKeys(title);
		editor.findElement(By.cssSelector("[data-testid=channel-search]")).sendKeys(channel);
		this.browser.await(Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=channel-result]"),
					channel));
		this.browser.find("[data-testid=channel-result]").click();
		if (column > 0) {
			editor.findElement(By.xpath(".//fieldset[contains(@class,'position')]//label[contains(.,'Column')]/input"))
				.sendKeys(Keys.chord(Keys.CONTROL, "a"), Integer.toString(column));
		}
		editor.findElement(By.cssSelector("button[type=submit]")).click();
		this.browser.button("Close").click();
		this.browser.find("[data-kind=" + kind + "] h2");
	}

	/** The CSV the journal's export downloaded, or "" while there is none. */
	private String exportedJournal() throws IOException {
		try (Stream<Path> files = Files.list(this.browser.downloads)) {
			Optional<Path> csv = files.filter((f) -> f.getFileName().toString().matches("parx-alarm-journal.*\\.csv"))
				.findFirst();
			return csv.isPresent() ? Files.readString(csv.get()) : "";
		}
	}

	private WebElement furnaceAlarm(String css) {
		return this.browser.all(css)
			.stream()
			.filter((e) -> e.getText().contains("Web furnace hot"))
			.findFirst()
			.orElseThrow();
	}

	private String valueText(String kind) {
		List<WebElement> values = this.browser.all("[data-kind=" + kind + "] [data-testid=value]");
		return values.isEmpty() ? "" : values.get(0).getText();
	}

	private static String attribute(WebElement element, String name) {
		String value = element.getAttribute(name);
		return (value != null) ? value : "0";
	}

	private JsonNode dashboard() {
		Api.Response response = Api.get(this.stack.url("admin-api", "/api/v1/dashboards/" + this.dashboardId),
				this.engineerToken);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode widget(JsonNode dashboard, String kind) {
		for (JsonNode widget : dashboard.path("layout").path("widgets")) {
			if (widget.path("kind").asString().equals(kind)) {
				return widget;
			}
		}
		throw new AssertionError("no " + kind + " widget in " + dashboard);
	}

	private void setFurnace(double value) {
		this.device.update(new PlantSimulation.State(Instant.now(), value, 2.5, 1, false));
	}

	private long channel(String name, String dataType, String unit, Map<String, Object> settings) {
		Api.Response created = Api.post(this.stack.url("admin-api", "/api/v1/io/channels"), this.engineerToken,
				Map.of("name", name, "dataType", dataType, "unit", unit, "protocol", "MODBUS_TCP", "pollIntervalMs",
						200, "tags", List.of("browser-test"), "settings", settings));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

}
