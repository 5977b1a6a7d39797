package io.parx.collector.mqtt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.parx.common.sample.Sample;

/**
 * The path from the MQTT clients to the publish pipeline. The clients' callbacks only put
 * each message into a bounded queue; one intake thread takes whatever has queued up (at
 * most {@code intakeBatchSize} messages), routes and parses it into one sample batch,
 * hands the batch to the pipeline and acknowledges the messages (MQTT PUBACK, manual
 * acknowledgement) only when the pipeline reports the batch durable: in the Redis sample
 * stream or the disk buffer. So a message the broker considers delivered is never only in
 * memory, and one durable step covers every message that arrived during the previous one
 * (group commit) instead of one round trip per message.
 *
 * <p>
 * Flow control: the broker sends a connection at most its Receive Maximum of
 * unacknowledged QoS 1/2 messages, so the queue holds at most that many per connection.
 * When the pipeline stalls, acknowledgements stop and the broker stops sending: the
 * back-pressure is the protocol's own, visible on the broker, and memory stays bounded.
 * QoS 0 messages are not flow-controlled: when they fill the queue the client's callback
 * waits (counted in {@code parx.collector.mqtt.intake.stalls}), which stops the client
 * reading its socket, and the broker applies its own queue limits.
 */
final class MqttIntake implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(MqttIntake.class);

	/** Turns one message into the samples of the channels it concerns. */
	interface Router {

		List<Sample> samples(Received message);

	}

	/** Hands a batch to the pipeline, which calls back when it is durable. */
	interface Pipeline {

		void publish(List<Sample> batch, Runnable onDurable);

	}

	/**
	 * A message as the client delivered it.
	 *
	 * @param connection the connection it came on (its channels, its duplicate filter)
	 * @param publish the message, to be acknowledged
	 * @param receivedAt when the callback saw it (the sample time unless the payload
	 * carries one)
	 * @param receivedNanos the same on the monotonic clock, for the latency
	 * @param samples samples of the engine's own (a lost connection) that must follow the
	 * messages queued before them; {@code null} for a message
	 */
	record Received(MqttConnection connection, Mqtt5Publish publish, Instant receivedAt, long receivedNanos,
			List<Sample> samples) {

		boolean isMessage() {
			return this.samples == null;
		}

	}

	private final BlockingQueue<Received> queue;

	private final int batchSize;

	private final Router router;

	private final Pipeline pipeline;

	private final Thread thread;

	private final Counter received;

	private final AtomicLong acknowledged = new AtomicLong();

	private final AtomicLong receivedCount = new AtomicLong();

	private final Counter stalls;

	private final Timer ackLatency;

	private volatile boolean running = true;

	MqttIntake(int capacity, int batchSize, Router router, Pipeline pipeline, MeterRegistry registry) {
		this.queue = new ArrayBlockingQueue<>(capacity);
		this.batchSize = batchSize;
		this.router = router;
		this.pipeline = pipeline;
		this.received = Counter.builder("parx.collector.mqtt.received")
			.description("MQTT messages received (all QoS)")
			.register(registry);
		FunctionCounter.builder("parx.collector.mqtt.acknowledged", this.acknowledged, AtomicLong::get)
			.description("MQTT messages acknowledged to the broker after their samples were durable")
			.register(registry);
		Gauge.builder("parx.collector.mqtt.intake.queued", this.queue, BlockingQueue::size)
			.description("MQTT messages waiting for the intake thread")
			.register(registry);
		Gauge
			.builder("parx.collector.mqtt.unacknowledged", this,
					(intake) -> intake.receivedCount.get() - intake.acknowledged.get())
			.description("MQTT messages received and not yet acknowledged (queued, or on their way to durable)")
			.register(registry);
		this.stalls = Counter.builder("parx.collector.mqtt.intake.stalls")
			.description("Times a client callback had to wait because the intake queue was full (QoS 0 floods)")
			.register(registry);
		this.ackLatency = Timer.builder("parx.collector.mqtt.ack.latency")
			.description("Time from an MQTT message's arrival to its acknowledgement (queue, parse, durable step)")
			.publishPercentiles(0.5, 0.99)
			.register(registry);
		this.thread = Thread.ofPlatform().name("parx-mqtt-intake").daemon().unstarted(this::run);
		this.thread.start();
	}

	/**
	 * Called on the client's thread for every message: queues it and returns. Waits only
	 * when the queue is full (see the class comment).
	 */
	void accept(MqttConnection connection, Mqtt5Publish publish) {
		Received message = new Received(connection, publish, Instant.now(), System.nanoTime(), null);
		this.received.increment();
		this.receivedCount.incrementAndGet();
		enqueue(message);
	}

	/**
	 * Queues samples of the engine's own behind the messages already queued, so that e.g.
	 * Bad_NotConnected is never overtaken by a value that arrived before the connection
	 * was lost.
	 */
	void submit(List<Sample> samples) {
		enqueue(new Received(null, null, Instant.now(), System.nanoTime(), List.copyOf(samples)));
	}

	private void enqueue(Received message) {
		if (this.queue.offer(message)) {
			return;
		}
		this.stalls.increment();
		try {
			this.queue.put(message);
		}
		catch (InterruptedException ex) {
			// Not acknowledged: the broker sends it again (QoS 1/2).
			Thread.currentThread().interrupt();
		}
	}

	long queued() {
		return this.queue.size();
	}

	long acknowledged() {
		return this.acknowledged.get();
	}

	private void run() {
		List<Received> group = new ArrayList<>(this.batchSize);
		while (this.running) {
			try {
				Received first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				group.add(first);
				this.queue.drainTo(group, this.batchSize - 1);
				List<Received> messages = List.copyOf(group);
				group.clear();
				handle(messages);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// Never let one group end the intake; its messages stay unacknowledged
				// and come again after a reconnect.
				logger.error("MQTT intake failed for a group of messages; continuing", ex);
				group.clear();
			}
		}
	}

	private void handle(List<Received> messages) {
		List<Sample> batch = new ArrayList<>(messages.size());
		for (Received message : messages) {
			if (!message.isMessage()) {
				batch.addAll(message.samples());
				continue;
			}
			try {
				batch.addAll(this.router.samples(message));
			}
			catch (RuntimeException ex) {
				// One message that cannot be processed must not hold up the others.
				logger.error("MQTT message on {} could not be processed", message.publish().getTopic(), ex);
			}
		}
		this.pipeline.publish(batch, () -> acknowledge(messages));
	}

	/** Runs on the pipeline's thread once the batch is durable. */
	private void acknowledge(List<Received> messages) {
		long now = System.nanoTime();
		long count = 0;
		for (Received message : messages) {
			if (message.isMessage()) {
				message.publish().acknowledge();
				this.ackLatency.record(now - message.receivedNanos(), TimeUnit.NANOSECONDS);
				count++;
			}
		}
		this.acknowledged.addAndGet(count);
	}

	/**
	 * Stops the intake thread. Messages still queued are not acknowledged; the broker
	 * redelivers QoS 1/2 messages on the next connection of the persistent session.
	 */
	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
		try {
			this.thread.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
