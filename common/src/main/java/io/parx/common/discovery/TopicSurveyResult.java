package io.parx.common.discovery;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.parx.common.config.channel.MqttSettings.PayloadFormat;

/**
 * Answer of {@code POST /api/v1/collector/discovery/mqtt/topics}.
 *
 * @param topicFilter the filter listened to
 * @param listenedMs how long the client listened
 * @param messages messages received, listed topics or not
 * @param topicCount topics listed
 * @param truncated whether messages of more topics came than {@code maxTopics} allows
 * listing
 * @param unlistedMessages messages of the topics not listed
 * @param topics the topics seen, by name
 */
@Schema(requiredProperties = { "topicFilter", "listenedMs", "messages", "topicCount", "truncated", "unlistedMessages",
		"topics" })
public record TopicSurveyResult(String topicFilter, long listenedMs, long messages, int topicCount, boolean truncated,
		long unlistedMessages, List<TopicSeen> topics) {

	/**
	 * One topic seen.
	 *
	 * @param topic the topic name
	 * @param messages messages received on it
	 * @param retained whether the last one was a retained message (sent by the broker on
	 * subscribing)
	 * @param lastReceivedAt when the last one came
	 * @param payloadBytes size of the last payload
	 * @param payloadFormat the payload format an MQTT channel would read it with, or
	 * {@code null} when none fits ({@code note} says why)
	 * @param payload the last payload as text (for Sparkplug B a summary), cut to 1,000
	 * characters; {@code null} for binary payloads
	 * @param payloadTruncated whether {@code payload} was cut short
	 * @param leaves for JSON: the number, boolean and string leaves with their JSON
	 * Pointers (a channel's {@code valuePointer}), at most 200
	 * @param leavesTruncated whether the payload had more leaves
	 * @param note why the payload fits no format or was not inspected, or {@code null}
	 */
	@Schema(name = "MqttTopicSeen", requiredProperties = { "topic", "messages", "retained", "lastReceivedAt",
			"payloadBytes", "payloadFormat", "payload", "payloadTruncated", "leaves", "leavesTruncated", "note" })
	public record TopicSeen(String topic, long messages, boolean retained, Instant lastReceivedAt, int payloadBytes,
			@Schema(nullable = true) PayloadFormat payloadFormat, @Schema(nullable = true) String payload,
			boolean payloadTruncated, List<MqttJsonLeaf> leaves, boolean leavesTruncated,
			@Schema(nullable = true) String note) {

	}

}
