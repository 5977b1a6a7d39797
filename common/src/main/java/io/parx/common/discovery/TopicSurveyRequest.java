package io.parx.common.discovery;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Body of {@code POST /api/v1/collector/discovery/mqtt/topics}: the broker as an MQTT
 * channel names it, the filter and how long to listen.
 *
 * @param brokerUrl {@code tcp://host:port} or {@code ssl://host:port}, as in a channel
 * @param username optional user name
 * @param password optional password
 * @param topicFilter the topic filter to listen to, {@code #} when absent
 * @param listenSeconds how long to listen, 1-30 s, 5 when absent
 * @param maxTopics most topics listed, 1-1,000 (the default)
 */
public record TopicSurveyRequest(
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 2000,
				description = "tcp://host:port or ssl://host:port, as in an MQTT channel") String brokerUrl,
		@Schema(maxLength = 200) String username, @Schema(maxLength = 1000, format = "password") String password,
		@Schema(maxLength = 1000, description = "MQTT topic filter, # when absent") String topicFilter,
		@Min(1) @Max(MAX_LISTEN_SECONDS) Integer listenSeconds, @Min(1) @Max(MAX_TOPICS) Integer maxTopics) {

	public static final int MAX_LISTEN_SECONDS = 30;

	public static final int MAX_TOPICS = 1000;

	public String topicFilterOrDefault() {
		return (this.topicFilter != null) ? this.topicFilter : "#";
	}

	public int listenSecondsOrDefault() {
		return (this.listenSeconds != null) ? this.listenSeconds : 5;
	}

	public int maxTopicsOrDefault() {
		return (this.maxTopics != null) ? this.maxTopics : MAX_TOPICS;
	}

	@Override
	public String toString() {
		return "TopicSurveyRequest[" + this.brokerUrl + ", " + this.topicFilter + ", password=******]";
	}

}
