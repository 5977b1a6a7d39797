package io.parx.collector.mqtt;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.parx.collector.engine.ChannelConfig;
import io.parx.common.config.Installation;
import io.parx.collector.engine.ReadResult;
import io.parx.collector.mqtt.MqttPayloadParser.PayloadException;
import io.parx.collector.mqtt.MqttPayloadParser.Reading;
import io.parx.common.sample.Quality;

/**
 * The channel test for MQTT: connects a temporary clean-session client, subscribes to the
 * channel's topic and parses the first message that arrives.
 */
final class MqttSingleRead {

	private MqttSingleRead() {
	}

	static ReadResult read(ChannelConfig config, MqttSettings settings, Installation installation, Duration timeout) {
		long start = System.nanoTime();
		MqttBroker broker;
		MqttChannel channel;
		try {
			broker = MqttBroker.of(config, settings, installation);
			channel = MqttChannel.of(config);
		}
		catch (IllegalArgumentException ex) {
			return ReadResult.failed(Quality.BAD_CONFIGURATION_ERROR, elapsed(start), ex.getMessage());
		}
		TemporaryClient connected = TemporaryClient.connect(broker, settings, "test", start, timeout);
		if (connected.failure() != null) {
			return connected.failure();
		}
		Mqtt5AsyncClient client = connected.client();
		long deadline = start + timeout.toNanos();
		CompletableFuture<Reading> first = new CompletableFuture<>();
		try {
			client.subscribeWith()
				.topicFilter(channel.topicFilter())
				.qos(channel.qos())
				.callback((publish) -> read(channel, publish, first))
				.send()
				.get(remaining(deadline), TimeUnit.NANOSECONDS);
			Reading reading = first.get(remaining(deadline), TimeUnit.NANOSECONDS);
			return ReadResult.good(reading.value(), elapsed(start));
		}
		catch (TimeoutException ex) {
			return ReadResult.failed(Quality.BAD_TIMEOUT, elapsed(start),
					"no message on " + channel.topicFilter() + " within " + timeout.toMillis() + " ms");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof PayloadException payload) {
				return ReadResult.failed(Quality.BAD_DECODING_ERROR, elapsed(start), payload.getMessage());
			}
			return ReadResult.failed(Quality.BAD_COMMUNICATION_ERROR, elapsed(start), MqttConnection.message(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ReadResult.failed(Quality.BAD_TIMEOUT, elapsed(start), "interrupted");
		}
		finally {
			client.disconnect();
		}
	}

	/**
	 * Completes with the channel's reading: the first message's, or for Sparkplug B the
	 * first birth or data message that names the metric.
	 */
	private static void read(MqttChannel channel, Mqtt5Publish publish, CompletableFuture<Reading> first) {
		try {
			Reading reading = (channel.sparkplug() != null) ? SparkplugPayloads.reading(channel, publish, Instant.now())
					: MqttPayloadParser.parse(channel, publish.getPayloadAsBytes(), Instant.now());
			if (reading != null) {
				first.complete(reading);
			}
		}
		catch (PayloadException ex) {
			first.completeExceptionally(ex);
		}
	}

	private static long remaining(long deadline) {
		return Math.max(1, deadline - System.nanoTime());
	}

	private static long elapsed(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
