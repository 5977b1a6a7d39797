package io.parx.collector.mqtt;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import com.hivemq.client.mqtt.datatypes.MqttTopicFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;

import io.parx.collector.discovery.DiscoveryProblems;
import io.parx.common.config.DataType;
import io.parx.common.config.FieldProblem;
import io.parx.common.config.InvalidSettingsException;
import io.parx.common.problem.Problems;
import io.parx.common.problem.Problems.FieldError;

/**
 * The broker a discovery listens on, given as an MQTT channel gives it
 * ({@code brokerUrl}, {@code username}, {@code password}; TLS with the collector's trust
 * store for {@code ssl://}), and the clean-session client that listens: a client id of
 * its own ({@code <prefix>-<purpose>-<random>}), no session left behind on the broker,
 * and a Netty event loop of its own, so a survey of {@code #} on a busy broker decodes
 * its messages beside, not on, the thread the running connections read from.
 */
final class SurveyClient {

	/**
	 * Starts the one Netty event loop thread all discovery clients share (HiveMQ keeps
	 * one event loop group per executor and shuts it down when its last client is gone).
	 */
	private static final Executor NETTY = (task) -> Thread.ofPlatform().daemon().name("mqtt-survey-netty").start(task);

	private static final MqttClientExecutorConfig EXECUTORS = MqttClientExecutorConfig.builder()
		.nettyExecutor(NETTY)
		.nettyThreads(1)
		.build();

	private SurveyClient() {
	}

	/**
	 * Reads the broker fields and a topic filter with the MQTT channel contract, so they
	 * are refused as a channel's would be.
	 * @param filterField the request's name of the topic filter, for the problem
	 * @throws io.parx.common.problem.ProblemException 400 naming the refused fields
	 */
	static MqttBroker broker(String brokerUrl, String username, String password, String topicFilter, String filterField,
			MqttSettings settings) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("brokerUrl", brokerUrl);
		fields.put("username", username);
		fields.put("password", password);
		fields.put("topic", topicFilter);
		fields.put("payloadFormat", "STRING");
		fields.put("qos", 0);
		io.parx.common.config.channel.MqttSettings contract;
		try {
			contract = io.parx.common.config.channel.MqttSettings.fromJson(fields, DataType.STRING);
			MqttTopicFilter.of(topicFilter);
		}
		catch (InvalidSettingsException ex) {
			List<FieldError> errors = ex.problems()
				.stream()
				.map((FieldProblem p) -> new FieldError(p.field().equals("topic") ? filterField : p.field(),
						p.message()))
				.toList();
			throw Problems.validation(errors);
		}
		catch (IllegalArgumentException ex) {
			throw Problems.validation(filterField, "is not a topic filter: " + ex.getMessage());
		}
		String url = contract.brokerUrl().toString();
		return new MqttBroker(url, contract.brokerUrl().getHost(), contract.brokerPort(), contract.tls(),
				settings.clientIdPrefix(), contract.username(), contract.password());
	}

	/**
	 * Connects a clean-session client within {@code timeout}.
	 * @param purpose part of the client id, e.g. {@code topics}
	 * @param maximumPacketSize the largest packet the broker may send (MQTT 5
	 * §3.1.2.11.4: it drops larger messages for this client instead)
	 * @throws io.parx.common.problem.ProblemException 502 when the broker cannot be
	 * reached or refuses, 504 when it does not answer in time
	 */
	static Mqtt5AsyncClient connect(MqttBroker broker, MqttSettings settings, String purpose, int maximumPacketSize,
			Duration timeout) {
		Mqtt5AsyncClient client;
		try {
			client = MqttClients
				.builder(broker, settings,
						broker.clientId() + "-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8))
				.executorConfig(EXECUTORS)
				.buildAsync();
		}
		catch (IllegalStateException ex) {
			throw DiscoveryProblems.failed(ex.getMessage());
		}
		try {
			client.connectWith()
				.cleanStart(true)
				.noSessionExpiry()
				.restrictions()
				.maximumPacketSize(maximumPacketSize)
				.applyRestrictions()
				.send()
				.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
			return client;
		}
		catch (TimeoutException ex) {
			client.disconnect();
			throw DiscoveryProblems.timedOut("no MQTT answer (CONNACK) from " + broker.url() + " within "
					+ timeout.toMillis() + " ms: is it an MQTT broker?");
		}
		catch (ExecutionException ex) {
			throw DiscoveryProblems.failed("cannot connect to " + broker.url() + ": " + MqttConnection.message(ex));
		}
		catch (InterruptedException ex) {
			client.disconnect();
			Thread.currentThread().interrupt();
			throw DiscoveryProblems.timedOut("interrupted while connecting to " + broker.url());
		}
	}

	/**
	 * Subscribes within {@code timeout}; the callback runs on the discovery clients' own
	 * event loop.
	 * @throws io.parx.common.problem.ProblemException 502 when the broker refuses the
	 * subscription (e.g. not authorized), 504 when it does not answer
	 */
	static void subscribe(Mqtt5AsyncClient client, MqttBroker broker, String filter, MqttQos qos,
			Consumer<Mqtt5Publish> callback, Duration timeout) {
		Mqtt5SubAck ack;
		try {
			ack = client.subscribeWith()
				.topicFilter(filter)
				.qos(qos)
				.callback(callback)
				.send()
				.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw DiscoveryProblems.timedOut("no answer (SUBACK) from " + broker.url() + " to the subscription of "
					+ filter + " within " + timeout.toMillis() + " ms");
		}
		catch (ExecutionException ex) {
			throw DiscoveryProblems
				.failed("the broker " + broker.url() + " refused the subscription of " + filter + ": " + refusal(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw DiscoveryProblems.timedOut("interrupted while subscribing to " + filter);
		}
		List<Mqtt5SubAckReasonCode> codes = ack.getReasonCodes();
		if (codes.stream().anyMatch(Mqtt5SubAckReasonCode::isError)) {
			throw DiscoveryProblems
				.failed("the broker " + broker.url() + " refused the subscription of " + filter + ": " + codes);
		}
	}

	/** Waits out the listening window; an interruption (the time limit) ends it early. */
	static void listen(Duration window) {
		try {
			Thread.sleep(window);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String refusal(ExecutionException ex) {
		if (ex.getCause() instanceof Mqtt5SubAckException refused) {
			return refused.getMqttMessage().getReasonCodes().toString();
		}
		return MqttConnection.message(ex);
	}

}
