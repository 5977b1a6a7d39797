package io.parx.systemtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.parx.bench.demo.ModbusDevice;
import io.parx.bench.demo.OpcUaDevice;
import io.parx.db.test.TestServices;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channel form's browse dialog (issue #20) in headless Chromium against the whole
 * stack: the demo plant's OPC UA server, Modbus device and broker browsed as an engineer
 * does, one pick filling the form and several ticked items becoming channels. Each step
 * leaves a screenshot in target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BrowseDialogTests {

	private static final String ENGINEER = "browse-engineer";

	private static final String OPERATOR = "browse-operator";

	private static final String PASSWORD = "browse-dialog-1";

	private ParxStack stack;

	private Browser browser;

	private String engineerToken;

	@BeforeAll
	void anEngineer(ParxStack stack) throws Exception {
		this.stack = stack;
		stack.createEngineerAndOperator(ENGINEER, OPERATOR, PASSWORD);
		this.engineerToken = stack.login(ENGINEER, PASSWORD);
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
			this.browser.screenshot("BrowseDialogTests-" + test.getTestMethod().orElseThrow().getName());
		}
	}

	@Test
	@Order(1)
	void anEngineerBrowsesTheOpcUaServerAndCreatesAChannelOfEachVariableTicked() {
		this.browser.open("/admin/channels/new");
		this.browser.signIn(ENGINEER, PASSWORD);
		this.browser.select("channel-protocol", "OPCUA");
		this.browser.type("channel-settings-endpointUrl", this.stack.plant().opcua().endpointUrl());
		this.browser.type("channel-tags", "browsed");
		this.browser.find("[data-testid=browse-server]").click();
		// a cold collector's first OPC UA session may take longer than one request (the
		// console retries a 503 or 504)
		this.browser.await(Duration.ofSeconds(60))
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=open-Plant]")))
			.click();
		// not the furnace and speed: DiscoveryTests makes channels of those on the shared
		// stack, with the same default names
		String coil = this.stack.plant().opcua().nodeId(OpcUaDevice.COIL_ID);
		String alarm = this.stack.plant().opcua().nodeId(OpcUaDevice.ALARM);
		this.browser.find("[data-testid='pick-" + coil + "']").click();
		this.browser.find("[data-testid='pick-" + alarm + "']").click();
		assertThat(this.browser.find("[data-testid=discovery-picked]").getText()).isEqualTo("2 picked");
		this.browser.screenshot("BrowseDialogTests-opcua-browse");
		this.browser.find("[data-testid=discovery-create]").click();
		WebElement created = this.browser.find("[data-testid=discovery-created]");
		assertThat(created.getText()).contains("2 channels created", "Plant.CoilId", "Plant.Alarm");

		JsonNode channels = Api.get(this.stack.url("admin-api", "/api/v1/io/channels?tag=browsed"), this.engineerToken)
			.json()
			.path("content");
		assertThat(channels).hasSize(2);
		List<String> nodes = new ArrayList<>();
		channels.forEach((channel) -> nodes.add(channel.path("settings").path("nodeId").asString()));
		assertThat(nodes).containsExactlyInAnyOrder(coil, alarm);
	}

	@Test
	@Order(2)
	void anEngineerReadsTheDevicesRegistersAndPicksTheFloatThatLooksRight() {
		this.browser.open("/admin/channels/new");
		this.browser.select("channel-protocol", "MODBUS_TCP");
		this.browser.type("channel-settings-host", "127.0.0.1");
		this.browser.type("channel-settings-port", Integer.toString(this.stack.plant().modbus().port()));
		this.browser.find("[data-testid=browse-server]").click();
		// the dialog's default, 20 from 0, reaches past the demo device's registers: the
		// ones it has are shown, the rest is its refusal
		this.browser.find("[data-testid=modbus-read]").click();
		this.browser.find("[data-testid=modbus-registers]");
		assertThat(this.browser.find("[data-testid=modbus-block-error]").getText()).contains("exception 02");
		this.browser.screenshot("BrowseDialogTests-modbus-registers");
		this.browser.find("[data-testid='pick-HOLDING_REGISTER:" + ModbusDevice.FURNACE_TEMPERATURE + ":FLOAT32:ABCD']")
			.click();
		this.browser.find("[data-testid=discovery-use]").click();
		assertThat(this.browser.find("#channel-settings-address").getAttribute("value"))
			.isEqualTo(Integer.toString(ModbusDevice.FURNACE_TEMPERATURE));
		assertThat(this.browser.find("#channel-dataType").getAttribute("value")).isEqualTo("FLOAT32");
		this.browser.type("channel-name", "Browsed.Furnace");
		this.browser.find("[data-testid=save-channel]").click();
		this.browser.await(Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches("/admin/channels/\\d+$"));
		this.browser.find("[data-testid=test-read]").click();
		assertThat(this.browser.find("[data-testid=test-quality]").getText()).isEqualTo("Good");
	}

	@Test
	@Order(3)
	void anEngineerListensOnTheBrokerAndPicksALeafOfAJsonTopic() {
		this.browser.open("/admin/channels/new");
		this.browser.select("channel-protocol", "MQTT");
		this.browser.type("channel-settings-brokerUrl", TestServices.mosquitto().serverUri());
		this.browser.find("[data-testid=browse-server]").click();
		this.browser.type("discovery-mqtt-filter", this.stack.mqttPrefix() + "#");
		this.browser.find("[data-testid=mqtt-listen]").click();
		String state = this.stack.mqttPrefix() + "line/state";
		this.browser.await(Duration.ofSeconds(30))
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid='pick-" + state + "#/speed']")))
			.click();
		this.browser.screenshot("BrowseDialogTests-mqtt-topics");
		this.browser.find("[data-testid=discovery-use]").click();
		assertThat(this.browser.find("#channel-settings-topic").getAttribute("value")).isEqualTo(state);
		assertThat(this.browser.find("#channel-settings-valuePointer").getAttribute("value")).isEqualTo("/speed");
		assertThat(this.browser.find("#channel-dataType").getAttribute("value")).isEqualTo("FLOAT64");
	}

}
