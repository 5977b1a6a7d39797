package io.parx.systemtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.parx.bench.demo.ModbusDevice;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administration pages (issue 16) as an administrator and an operator use them, in
 * headless Chromium against the whole stack through the web gateway: a change-mode
 * storage rule for every channel of a tag (after a trigger formula's syntax error is
 * marked), an operator created and demoted who finds no edit controls and is refused by
 * the server, the audit entry of the role change with its diff, and the status page while
 * the demo plant's Modbus device is stopped and started again. The steps build on each
 * other; each leaves a screenshot in target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class AdministrationTests {

	private static final String TAG = "admin-test";

	private static final String OPERATOR = "admin-test-operator";

	private static final String PASSWORD = "admin-test-1";

	private ParxStack stack;

	private Browser browser;

	private String adminToken;

	private List<Long> taggedChannels;

	private long ruleId;

	@BeforeAll
	void twoChannelsOfTheDemoPlantsModbusDeviceWithATag(ParxStack stack) throws Exception {
		this.stack = stack;
		this.adminToken = this.stack.login(ParxStack.ADMIN, ParxStack.ADMIN_PASSWORD);
		long furnace = channel("Admin.Furnace", ModbusDevice.FURNACE_TEMPERATURE);
		long speed = channel("Admin.LineSpeed", ModbusDevice.LINE_SPEED);
		this.taggedChannels = List.of(furnace, speed);
		this.browser = new Browser(stack.url("web", ""), Path.of("target", "screenshots"));
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
			this.browser.screenshot("AdministrationTests-" + test.getTestMethod().orElseThrow().getName());
		}
	}

	@Test
	@Order(1)
	void anAdministratorCreatesAChangeModeStorageRuleForEveryChannelOfATag() {
		this.browser.open("/admin/rules");
		this.browser.await(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/signin"));
		this.browser.signIn(ParxStack.ADMIN, ParxStack.ADMIN_PASSWORD);
		this.browser.find("[data-testid=new-rule]").click();
		this.browser.find("[data-testid=rule-name]").sendKeys("admin-furnace-changes");
		this.browser.find("[data-testid=rule-tag]").sendKeys(TAG);
		this.browser.find("[data-testid=rule-add-tag]").click();
		this.browser.await(Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=rule-tag-result]"), "Added 2 of 2."));

		// A trigger formula with a syntax error: the server's position is marked.
		this.browser.find("[data-testid=rule-mode-TRIGGER]").click();
		this.browser.find("[data-testid=rule-formula]").sendKeys("[Admin.Furnace] > > 2");
		this.browser.find("[data-testid=rule-save]").click();
		WebElement caret = this.browser.find("[data-testid=formula-caret]");
		assertThat(caret.getText()).contains("[Admin.Furnace] > > 2").contains("^");
		this.browser.screenshot("AdministrationTests-formula-syntax-error");

		this.browser.find("[data-testid=rule-mode-CHANGE]").click();
		this.browser.find("[data-testid=rule-deadband]").sendKeys(Keys.chord(Keys.CONTROL, "a"), "0.5");
		this.browser.find("[data-testid=rule-save]").click();
		this.browser.await(Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches(".*/admin/rules/\\d+$"));
		this.ruleId = Long.parseLong(this.browser.path().replaceAll(".*/", ""));

		JsonNode rule = Api.get(this.stack.url("admin-api", "/api/v1/storage/rules/" + this.ruleId), this.adminToken)
			.json();
		assertThat(rule.path("mode").asString()).isEqualTo("CHANGE");
		assertThat(rule.path("settings").path("deadband").asDouble()).isEqualTo(0.5);
		assertThat(rule.path("channelIds").valueStream().map(JsonNode::asLong).toList())
			.containsExactlyInAnyOrderElementsOf(this.taggedChannels);
		this.browser.open("/admin/rules");
		assertThat(this.browser.find("[data-testid=rule-list]").getText()).contains("admin-furnace-changes")
			.contains("on change ± 0.5");
	}

	@Test
	@Order(2)
	void anAdministratorCreatesAUserAndMakesThemAnOperator() {
		this.browser.open("/admin/users");
		this.browser.find("[data-testid=new-user]").click();
		this.browser.find("[data-testid=new-username]").sendKeys(OPERATOR);
		this.browser.find("[data-testid=new-user-password]").sendKeys(PASSWORD);
		new Select(this.browser.find("[data-testid=new-user-role]")).selectByVisibleText("ENGINEER");
		this.browser.find("[data-testid=create-user]").click();
		WebElement role = this.browser.find("[data-testid=user-" + OPERATOR + "] [data-testid=user-role]");
		assertThat(new Select(role).getFirstSelectedOption().getText()).isEqualTo("ENGINEER");
		new Select(role).selectByVisibleText("OPERATOR");
		this.browser.await(Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".banner-success"),
					OPERATOR + " is now OPERATOR."));
		JsonNode users = Api.get(this.stack.url("admin-api", "/api/v1/users?size=500"), this.adminToken).json();
		assertThat(users.path("content")
			.valueStream()
			.filter((user) -> user.path("username").asString().equals(OPERATOR))
			.map((user) -> user.path("role").asString())).containsExactly("OPERATOR");
	}

	@Test
	@Order(3)
	void anOperatorFindsNoEditControlsAndADirectEditAddressIsRefused() {
		this.browser.signOut();
		this.browser.signIn(OPERATOR, PASSWORD);
		this.browser.open("/admin/rules");
		this.browser.find("[data-testid=rule-list]");
		this.browser.find("[data-testid=read-only]");
		assertThat(this.browser.all("[data-testid=new-rule]")).as("New rule").isEmpty();
		assertThat(this.browser.all("button[aria-label^='Delete']")).as("Delete buttons").isEmpty();
		assertThat(this.browser.all("a[href='/admin/users']")).as("the Users entry").isEmpty();
		assertThat(this.browser.all("a[href='/admin/audit']")).as("the Audit log entry").isEmpty();

		this.browser.open("/admin/rules/" + this.ruleId);
		this.browser.find("[data-testid=read-only]");
		assertThat(this.browser.find("[data-testid=rule-name]").isEnabled()).isFalse();
		assertThat(this.browser.all("[data-testid=rule-save]")).as("Save").isEmpty();

		this.browser.open("/admin/rules/new");
		assertThat(this.browser.find("[data-testid=forbidden]").getText()).contains("OPERATOR");
		// The users page asks the server, which refuses: the page says so.
		this.browser.open("/admin/users");
		assertThat(this.browser.find("[data-testid=forbidden]").getText()).contains("does not allow");

		String operatorToken = this.stack.login(OPERATOR, PASSWORD);
		Api.Response edit = Api.put(this.stack.url("admin-api", "/api/v1/storage/rules/" + this.ruleId), operatorToken,
				Map.of("name", "taken-over", "mode", "CONTINUOUS", "version", 0));
		assertThat(edit.status()).as(edit.toString()).isEqualTo(403);
		assertThat(edit.json().path("type").asString()).isEqualTo("/problems/forbidden");
		Api.Response users = Api.get(this.stack.url("admin-api", "/api/v1/users"), operatorToken);
		assertThat(users.status()).as(users.toString()).isEqualTo(403);
	}

	@Test
	@Order(4)
	void theAuditLogShowsTheRoleChangeWithItsDiff() {
		this.browser.signOut();
		this.browser.signIn(ParxStack.ADMIN, ParxStack.ADMIN_PASSWORD);
		this.browser.open("/admin/audit");
		new Select(this.browser.find("[data-testid=audit-action]")).selectByVisibleText("ROLE_CHANGE");
		this.browser.find("[data-testid=audit-apply]").click();
		this.browser.await(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("action=ROLE_CHANGE"));
		// the previous page's events stay until the filtered ones arrive
		this.browser.await(Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=audit-event]"),
					"ROLE_CHANGE"));
		WebElement event = this.browser.find("[data-testid=audit-event]");
		assertThat(event.getText()).contains(ParxStack.ADMIN).contains("user");
		event.findElement(By.cssSelector("[data-testid=audit-show-diff]")).click();
		WebElement diff = this.browser.find("[data-testid=audit-diff]");
		assertThat(diff.getText()).contains("role").contains("\"ENGINEER\"").contains("\"OPERATOR\"");
		assertThat(diff.findElement(By.cssSelector("del")).getText()).isEqualTo("\"ENGINEER\"");
		assertThat(diff.findElement(By.cssSelector("ins")).getText()).isEqualTo("\"OPERATOR\"");
	}

	@Test
	@Order(5)
	void theStatusPageShowsTheStoppedModbusDeviceDownAndThenBackUp() {
		ModbusDevice device = this.stack.plant().modbus();
		String connection = "[data-testid=connection][data-key='modbus://127.0.0.1:" + device.port()
				+ "/1'] [data-testid=connection-state]";
		this.browser.open("/admin/status");
		this.browser.await(Duration.ofSeconds(60))
			.until(ExpectedConditions.textToBe(By.cssSelector(connection), "CONNECTED"));
		assertThat(this.browser.find("[data-testid=request-plan]").getText()).contains("Admin.Furnace")
			.contains("Admin.LineSpeed");
		// the one storage engine of the stack holds the ingest lease
		assertThat(this.browser.find("[data-testid=ingest-instance]").getText()).endsWith("(consuming)");
		assertThat(this.browser.find("[data-testid=ingest-holder]").getText())
			.isEqualTo(this.browser.find("[data-testid=ingest-instance]").getText().replace(" (consuming)", ""));
		this.browser.script("arguments[0].scrollIntoView()", this.browser.find("[data-testid=storage]"));
		this.browser.screenshot("AdministrationTests-storage-status");
		device.stop();
		try {
			this.browser.await(Duration.ofSeconds(30))
				.until(ExpectedConditions.textToBe(By.cssSelector(connection), "DISCONNECTED"));
			assertThat(this.browser.find("[data-testid=buffer-depth]").getText()).matches("\\d+");
			assertThat(this.browser.find("[data-testid=redis-state]").getText()).isEqualTo("reachable");
			this.browser.screenshot("AdministrationTests-modbus-device-down");
		}
		finally {
			device.start();
		}
		this.browser.await(Duration.ofSeconds(90))
			.until(ExpectedConditions.textToBe(By.cssSelector(connection), "CONNECTED"));
	}

	private long channel(String name, int address) {
		Map<String, Object> modbus = Map.of("host", "127.0.0.1", "port", this.stack.plant().modbus().port(), "unitId",
				1, "registerType", "HOLDING_REGISTER", "address", address, "timeoutMs", 500);
		Api.Response created = Api.post(this.stack.url("admin-api", "/api/v1/io/channels"), this.adminToken,
				Map.of("name", name, "dataType", "FLOAT32", "protocol", "MODBUS_TCP", "pollIntervalMs", 500, "tags",
						List.of(TAG), "settings", modbus));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

}
