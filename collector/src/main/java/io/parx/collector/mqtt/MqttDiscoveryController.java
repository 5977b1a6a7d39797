package io.parx.collector.mqtt;

import io.parx.common.discovery.SparkplugSurveyRequest;
import io.parx.common.discovery.SparkplugSurveyResult;
import io.parx.common.discovery.TopicSurveyRequest;
import io.parx.common.discovery.TopicSurveyResult;

import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.parx.collector.discovery.SurveyRunner;
import io.parx.common.config.channel.SparkplugMetric;
import io.parx.common.problem.Problems;

/**
 * MQTT discovery (issue #20): which topics a broker carries and what their payloads look
 * like, and which Sparkplug B edge nodes, devices and metrics its births declare. Each
 * kind runs on its own {@link SurveyRunner} with a clean-session client of its own; the
 * running connections are not touched.
 */
@RestController
@Tag(name = "Discovery")
@RequestMapping("/api/v1/collector/discovery")
class MqttDiscoveryController implements AutoCloseable {

	/** Time for the broker to answer CONNECT and SUBSCRIBE, each. */
	static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

	/** How long a discovery may take beyond its window: connecting, subscribing. */
	private static final Duration MARGIN = ANSWER_TIMEOUT.multipliedBy(2).plusSeconds(1);

	private final MqttSettings settings;

	private final SurveyRunner topics = new SurveyRunner("mqtt-topics", 2);

	private final SurveyRunner sparkplug = new SurveyRunner("sparkplug", 2);

	MqttDiscoveryController(MqttSettings settings) {
		this.settings = settings;
	}

	@Operation(operationId = "discoverMqttTopics",
			summary = "Listen on a broker for a few seconds and list the topics seen with their last payload, "
					+ "its payload format and, for JSON, the pointers to its leaves (ENGINEER, ADMIN)")
	@ApiResponse(responseCode = "200")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "503", ref = "DiscoveryBusy")
	@ApiResponse(responseCode = "502", ref = "DiscoveryFailed")
	@ApiResponse(responseCode = "504", ref = "DeviceTimeout")
	@PostMapping("/mqtt/topics")
	TopicSurveyResult topics(@Valid @RequestBody TopicSurveyRequest request) {
		String filter = request.topicFilterOrDefault();
		MqttBroker broker = SurveyClient.broker(request.brokerUrl(), request.username(), request.password(), filter,
				"topicFilter", this.settings);
		Duration window = Duration.ofSeconds(request.listenSecondsOrDefault());
		return this.topics.run(window.plus(MARGIN), () -> TopicSurvey.run(broker, this.settings, filter, window,
				request.maxTopicsOrDefault(), ANSWER_TIMEOUT));
	}

	@Operation(operationId = "discoverSparkplug",
			summary = "Listen on a broker for a few seconds and list the Sparkplug B groups, edge nodes, devices "
					+ "and metrics its births declare, optionally asking nodes without a birth for one "
					+ "(ENGINEER, ADMIN)")
	@ApiResponse(responseCode = "200")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "503", ref = "DiscoveryBusy")
	@ApiResponse(responseCode = "502", ref = "DiscoveryFailed")
	@ApiResponse(responseCode = "504", ref = "DeviceTimeout")
	@PostMapping("/sparkplug")
	SparkplugSurveyResult sparkplug(@Valid @RequestBody SparkplugSurveyRequest request) {
		String groupId = request.groupId();
		if (groupId != null
				&& (groupId.length() > SparkplugMetric.MAX_ID_LENGTH || SparkplugMetric.idProblem(groupId) != null)) {
			throw Problems.validation("groupId",
					(groupId.length() > SparkplugMetric.MAX_ID_LENGTH)
							? "must be at most " + SparkplugMetric.MAX_ID_LENGTH + " characters"
							: SparkplugMetric.idProblem(groupId));
		}
		String filter = SparkplugSurvey.filter(groupId);
		MqttBroker broker = SurveyClient.broker(request.brokerUrl(), request.username(), request.password(), filter,
				"groupId", this.settings);
		Duration window = Duration.ofSeconds(request.listenSecondsOrDefault());
		return this.sparkplug.run(window.plus(MARGIN), () -> SparkplugSurvey.run(broker, this.settings, filter, window,
				request.requestRebirthOrDefault(), ANSWER_TIMEOUT));
	}

	@Override
	public void close() {
		this.topics.close();
		this.sparkplug.close();
	}

}
