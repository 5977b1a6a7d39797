package io.parx.collector.mqtt;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;

import io.parx.collector.engine.ReadResult;
import io.parx.common.sample.Quality;

/**
 * A clean-session client for one request beside the running connection (the channel test,
 * a write): its own client id (the broker's plus a purpose and a random part), so the
 * running connection and its session are untouched, connected within the request's
 * deadline.
 *
 * @param client the connected client, or {@code null} when it could not connect
 * @param failure why it could not connect, or {@code null}
 */
record TemporaryClient(Mqtt5AsyncClient client, ReadResult failure) {

	/**
	 * Connects; a failure is a result the caller answers with as it is.
	 * @param purpose part of the client id, e.g. {@code test}
	 * @param start when the request started ({@link System#nanoTime()})
	 * @param timeout the request's time limit, counted from {@code start}
	 */
	static TemporaryClient connect(MqttBroker broker, MqttSettings settings, String purpose, long start,
			Duration timeout) {
		Mqtt5AsyncClient client;
		try {
			client = MqttClients
				.builder(broker, settings,
						broker.clientId() + "-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8))
				.buildAsync();
		}
		catch (IllegalStateException ex) {
			return failed(Quality.BAD_CONFIGURATION_ERROR, start, ex.getMessage());
		}
		try {
			client.connectWith()
				.cleanStart(true)
				.noSessionExpiry()
				.send()
				.get(remaining(start, timeout), TimeUnit.NANOSECONDS);
			return new TemporaryClient(client, null);
		}
		catch (TimeoutException ex) {
			client.disconnect();
			return failed(Quality.BAD_NOT_CONNECTED, start, "no MQTT answer (CONNACK) from " + broker.url() + " within "
					+ timeout.toMillis() + " ms: is it an MQTT broker?");
		}
		catch (ExecutionException ex) {
			return failed(Quality.BAD_NOT_CONNECTED, start,
					"cannot connect to " + broker.url() + ": " + MqttConnection.message(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return failed(Quality.BAD_TIMEOUT, start, "interrupted");
		}
	}

	/** Nanoseconds left of the request's time limit, at least one. */
	static long remaining(long start, Duration timeout) {
		return Math.max(1, start + timeout.toNanos() - System.nanoTime());
	}

	private static TemporaryClient failed(int quality, long start, String error) {
		return new TemporaryClient(null, ReadResult.failed(quality, (System.nanoTime() - start) / 1_000_000, error));
	}

}
