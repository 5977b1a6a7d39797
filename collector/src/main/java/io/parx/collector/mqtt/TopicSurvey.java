package io.parx.collector.mqtt;

import io.parx.common.discovery.TopicSurveyResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import io.parx.collector.mqtt.PayloadInspector.Inspection;
import io.parx.common.discovery.TopicSurveyResult.TopicSeen;

/**
 * Listens on a broker for a topic filter for a few seconds and lists the topics seen with
 * their last payload, inspected ({@link PayloadInspector}). Bounded however busy the
 * broker: at most {@code maxTopics} topics (messages of further topics are counted, not
 * kept), the broker sends no packet over {@link #MAX_PACKET_BYTES} (MQTT 5 Maximum Packet
 * Size), the last payloads kept take at most {@link #KEPT_BYTES_BUDGET} together, and the
 * client listens for the window only (QoS 0, nothing acknowledged, no session left).
 * Payloads are inspected once, after the window, not as they arrive.
 */
final class TopicSurvey {

	/** The largest payload a channel reads, plus room for the topic and properties. */
	static final int MAX_PACKET_BYTES = MqttPayloadParser.MAX_PAYLOAD_BYTES + 64 * 1024;

	/** Most bytes of last payloads kept at once, over all topics. */
	static final long KEPT_BYTES_BUDGET = 16L * 1024 * 1024;

	/** Bytes kept of a payload that does not fit the budget: enough to show it. */
	private static final int SHOWN_BYTES = PayloadInspector.MAX_SHOWN_CHARS;

	private final int maxTopics;

	private final long keptBytesBudget;

	/** Guarded by {@code this}: the client's callbacks write, the survey reads. */
	private final Map<String, Seen> topics = new HashMap<>();

	private long messages;

	private long unlistedMessages;

	private long keptBytes;

	/**
	 * @param maxTopics most topics listed
	 * @param keptBytesBudget most bytes of last payloads kept at once
	 */
	TopicSurvey(int maxTopics, long keptBytesBudget) {
		this.maxTopics = maxTopics;
		this.keptBytesBudget = keptBytesBudget;
	}

	/**
	 * Connects, subscribes, listens for {@code window} and lists what came.
	 * @throws io.parx.common.problem.ProblemException 502/504 when the broker cannot be
	 * reached, refuses or does not answer
	 */
	static TopicSurveyResult run(MqttBroker broker, MqttSettings settings, String filter, Duration window,
			int maxTopics, Duration answerTimeout) {
		TopicSurvey survey = new TopicSurvey(maxTopics, KEPT_BYTES_BUDGET);
		Mqtt5AsyncClient client = SurveyClient.connect(broker, settings, "topics", MAX_PACKET_BYTES, answerTimeout);
		long start;
		try {
			SurveyClient.subscribe(client, broker, filter, MqttQos.AT_MOST_ONCE, survey::accept, answerTimeout);
			start = System.nanoTime();
			SurveyClient.listen(window);
		}
		finally {
			client.disconnect();
		}
		return survey.result(filter, Duration.ofNanos(System.nanoTime() - start));
	}

	synchronized void accept(Mqtt5Publish publish) {
		this.messages++;
		String topic = publish.getTopic().toString();
		Seen seen = this.topics.get(topic);
		if (seen == null) {
			if (this.topics.size() >= this.maxTopics) {
				this.unlistedMessages++;
				return;
			}
			seen = new Seen();
			this.topics.put(topic, seen);
		}
		byte[] payload = publish.getPayloadAsBytes();
		this.keptBytes -= seen.payload.length;
		boolean fits = this.keptBytes + payload.length <= this.keptBytesBudget;
		seen.payload = fits ? payload : Arrays.copyOf(payload, Math.min(payload.length, SHOWN_BYTES));
		seen.complete = fits;
		this.keptBytes += seen.payload.length;
		seen.size = payload.length;
		seen.messages++;
		seen.retained = publish.isRetain();
		seen.at = Instant.now();
	}

	synchronized TopicSurveyResult result(String filter, Duration listened) {
		List<TopicSeen> seen = new ArrayList<>(this.topics.size());
		this.topics.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
			.forEach((entry) -> seen.add(entry.getValue().describe(entry.getKey(), this.keptBytesBudget)));
		return new TopicSurveyResult(filter, listened.toMillis(), this.messages, seen.size(), this.unlistedMessages > 0,
				this.unlistedMessages, seen);
	}

	/** One topic's messages. */
	private static final class Seen {

		private byte[] payload = new byte[0];

		/** Whether {@link #payload} is the whole last payload. */
		private boolean complete = true;

		private int size;

		private long messages;

		private boolean retained;

		private Instant at;

		TopicSeen describe(String topic, long budget) {
			Inspection inspection = this.complete ? PayloadInspector.inspect(topic, this.payload)
					: new Inspection(null, new String(this.payload, StandardCharsets.UTF_8), true, List.of(), false,
							"not inspected: the payloads kept by this discovery reached " + budget + " bytes");
			return new TopicSeen(topic, this.messages, this.retained, this.at, this.size, inspection.format(),
					inspection.text(), inspection.textTruncated() || !this.complete, inspection.leaves(),
					inspection.leavesTruncated(), inspection.note());
		}

	}

}
