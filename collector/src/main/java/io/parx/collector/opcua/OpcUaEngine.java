package io.parx.collector.opcua;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.parx.collector.engine.ChannelConfig;
import io.parx.collector.engine.ChannelReconciler;
import io.parx.collector.engine.ChannelStatusTracker;
import io.parx.collector.engine.EngineMetrics;
import io.parx.collector.engine.EngineStatus;
import io.parx.collector.engine.ProtocolEngine;
import io.parx.collector.engine.ReadResult;
import io.parx.collector.engine.SampleSink;
import io.parx.collector.engine.WriteOutcome;
import io.parx.common.config.channel.Protocol;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;

import org.springframework.stereotype.Component;

/**
 * Reads OPC UA channels by subscription: one client and session per endpoint (URL,
 * security, identity), one monitored item per channel, data changes published with the
 * server's source timestamp and StatusCode. Also reads and writes single nodes for the
 * channel test and for writes from the UI.
 */
@Component
public class OpcUaEngine implements ProtocolEngine {

	private final SampleSink sink;

	private final OpcUaSettings settings;

	private final OpcUaPki pki;

	private final ChannelStatusTracker tracker = new ChannelStatusTracker();

	/** Guarded by {@code this}. */
	private final ChannelReconciler<OpcUaEndpoint, OpcUaChannel, OpcUaConnection> reconciler;

	private final EngineMetrics metrics;

	public OpcUaEngine(SampleSink sink, OpcUaSettings settings, OpcUaPki pki, MeterRegistry registry) {
		this.sink = sink;
		this.settings = settings;
		this.pki = pki;
		this.metrics = new EngineMetrics(registry, Protocol.OPCUA);
		this.reconciler = new ChannelReconciler<>(Protocol.OPCUA, new Endpoints(), this.tracker, this::publish);
	}

	@Override
	public Protocol protocol() {
		return Protocol.OPCUA;
	}

	@Override
	public synchronized void apply(Collection<ChannelConfig> channels) {
		this.reconciler.apply(channels);
	}

	private final class Endpoints implements ChannelReconciler.Hooks<OpcUaEndpoint, OpcUaChannel, OpcUaConnection> {

		@Override
		public OpcUaChannel channel(ChannelConfig config) {
			return OpcUaChannel.of(config);
		}

		@Override
		public OpcUaEndpoint key(ChannelConfig config, OpcUaChannel channel) {
			return OpcUaEndpoint.of(config);
		}

		@Override
		public OpcUaConnection open(OpcUaEndpoint endpoint, List<OpcUaChannel> channels) {
			OpcUaConnection connection = new OpcUaConnection(endpoint, OpcUaEngine.this.settings, OpcUaEngine.this.pki,
					new OpcUaConnection.Listener() {

						@Override
						public void samples(List<Sample> batch) {
							publish(batch);
						}

						@Override
						public void valuesLost(long count) {
							OpcUaEngine.this.metrics.sourceLoss(count);
						}

					});
			connection.update(channels);
			connection.start();
			return connection;
		}

		@Override
		public void update(OpcUaConnection connection, List<OpcUaChannel> channels) {
			connection.update(channels);
		}

		@Override
		public void close(OpcUaConnection connection) {
			// closing waits for the server; apply must return quickly
			Thread.ofVirtual().name("opcua-close").start(connection::close);
		}

	}

	private void publish(List<Sample> batch) {
		this.metrics.samples(batch.size());
		batch.stream()
			.filter((sample) -> Quality.isBad(sample.quality()))
			.forEach((sample) -> this.metrics.readError());
		this.tracker.record(batch);
		this.sink.publish(new ArrayList<>(batch));
	}

	/** The endpoint with its security and user, without the password. */
	@Override
	public String connection(ChannelConfig channel) {
		try {
			OpcUaEndpoint endpoint = OpcUaEndpoint.of(channel);
			return endpoint.url() + " " + endpoint.policy().name() + "/" + endpoint.mode().name() + " "
					+ endpoint.authentication().name()
					+ ((endpoint.username() != null) ? " " + endpoint.username() : "");
		}
		catch (IllegalArgumentException ex) {
			return ProtocolEngine.super.connection(channel);
		}
	}

	/**
	 * Reads the channel's node once (Read service, OPC UA Part 4 §5.10.2), on the running
	 * session for its endpoint when there is one, else on a temporary one.
	 */
	@Override
	public void validate(ChannelConfig channel) {
		OpcUaEndpoint.of(channel);
		OpcUaChannel.of(channel);
	}

	@Override
	public ReadResult readOnce(ChannelConfig channel, Duration timeout) {
		long start = System.nanoTime();
		return withClient(channel, timeout,
				(client, opcUaChannel, deadline) -> read(client, channel, opcUaChannel, deadline, start));
	}

	/**
	 * Writes a value to the channel's node (Write service, OPC UA Part 4 §5.10.4), as the
	 * OPC UA type of the channel's data type with scale and offset undone.
	 * @return the written value and the server's StatusCode as quality
	 */
	public ReadResult write(ChannelConfig channel, SampleValue value, Duration timeout) {
		return withClient(channel, timeout,
				(client, opcUaChannel, deadline) -> writeValue(client, channel, opcUaChannel, value, deadline));
	}

	/**
	 * Reads, writes and reads again in one session: the running one for the endpoint, or
	 * one temporary session for all three.
	 */
	@Override
	public WriteOutcome writeAndReadBack(ChannelConfig channel, SampleValue value, Duration timeout) {
		ReadResult[] reads = new ReadResult[2];
		ReadResult written = withClient(channel, timeout, (client, opcUaChannel, deadline) -> {
			reads[0] = readQuietly(client, channel, opcUaChannel, deadline);
			ReadResult result = writeValue(client, channel, opcUaChannel, value, deadline);
			if (Quality.isGood(result.quality())) {
				reads[1] = readQuietly(client, channel, opcUaChannel, deadline);
			}
			return result;
		});
		return new WriteOutcome(reads[0], written, reads[1]);
	}

	private ReadResult read(OpcUaClient client, ChannelConfig channel, OpcUaChannel opcUaChannel, long deadline,
			long start) throws Exception {
		DataValue value = client.readValuesAsync(0, TimestampsToReturn.Both, List.of(opcUaChannel.nodeId()))
			.get(remaining(deadline), TimeUnit.NANOSECONDS)
			.getFirst();
		Sample sample = OpcUaValues.toSample(channel.id() > 0 ? channel : withId(channel), value, Instant.now());
		long latency = (System.nanoTime() - start) / 1_000_000;
		if (sample.value() == null) {
			return ReadResult.failed(sample.quality(), latency, "server returned " + value.getStatusCode());
		}
		return new ReadResult(sample.value(), sample.quality(), latency, null);
	}

	/** A read before or after a write: its failure does not stop the write. */
	private ReadResult readQuietly(OpcUaClient client, ChannelConfig channel, OpcUaChannel opcUaChannel,
			long deadline) {
		long start = System.nanoTime();
		try {
			return read(client, channel, opcUaChannel, deadline, start);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ReadResult.failed(Quality.BAD_TIMEOUT, 0, "interrupted");
		}
		catch (Exception ex) {
			return ReadResult.failed(OpcUaClients.statusOf(ex), (System.nanoTime() - start) / 1_000_000,
					OpcUaClients.describe(ex));
		}
	}

	private static ReadResult writeValue(OpcUaClient client, ChannelConfig channel, OpcUaChannel opcUaChannel,
			SampleValue value, long deadline) throws Exception {
		long start = System.nanoTime();
		StatusCode status = client
			.writeValuesAsync(List.of(opcUaChannel.nodeId()),
					List.of(DataValue.valueOnly(OpcUaValues.toVariant(channel, value))))
			.get(remaining(deadline), TimeUnit.NANOSECONDS)
			.getFirst();
		long latency = (System.nanoTime() - start) / 1_000_000;
		return status.isGood() ? ReadResult.good(value, latency)
				: ReadResult.failed((int) status.getValue(), latency, "server refused the write: " + status);
	}

	/**
	 * Runs a call on the running session for the channel's endpoint, or on a temporary
	 * one. The timeout bounds everything together: endpoint discovery, session and the
	 * call (a host that accepts TCP but is no OPC UA server held discovery for the whole
	 * request timeout).
	 */
	private ReadResult withClient(ChannelConfig channel, Duration timeout, ClientCall call) {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		OpcUaEndpoint endpoint;
		OpcUaChannel opcUaChannel;
		try {
			endpoint = OpcUaEndpoint.of(channel);
			opcUaChannel = OpcUaChannel.of(channel);
		}
		catch (IllegalArgumentException ex) {
			return ReadResult.failed(Quality.BAD_CONFIGURATION_ERROR, 0, ex.getMessage());
		}
		try {
			return withSession(endpoint, deadline,
					(client, sessionDeadline) -> call.apply(client, opcUaChannel, sessionDeadline));
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return ReadResult.failed(Quality.BAD_TIMEOUT, (System.nanoTime() - start) / 1_000_000,
					"no answer from " + endpoint.url() + " within " + timeout.toMillis() + " ms");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ReadResult.failed(Quality.BAD_TIMEOUT, 0, "interrupted");
		}
		catch (IllegalArgumentException ex) {
			return ReadResult.failed(OpcUaValues.BAD_TYPE_MISMATCH, 0, ex.getMessage());
		}
		catch (Exception ex) {
			return ReadResult.failed(OpcUaClients.statusOf(ex), (System.nanoTime() - start) / 1_000_000,
					OpcUaClients.describe(ex));
		}
	}

	/**
	 * Runs a call on the running session for the endpoint, or on a temporary one closed
	 * afterwards (the channel test, writes, discovery). The deadline bounds everything
	 * together: endpoint discovery, session and the call.
	 * @param deadline {@link System#nanoTime()} by which it must be done
	 * @throws java.util.concurrent.TimeoutException when the server did not answer in
	 * time
	 */
	public <T> T withSession(OpcUaEndpoint endpoint, long deadline, SessionCall<T> call) throws Exception {
		OpcUaConnection running;
		synchronized (this) {
			running = this.reconciler.running().get(endpoint);
		}
		OpcUaClient client = (running != null) ? running.activeClient() : null;
		boolean temporary = client == null;
		try {
			if (temporary) {
				client = createWithin(endpoint, Duration.ofNanos(remaining(deadline)), deadline);
				client.connectAsync().get(remaining(deadline), TimeUnit.NANOSECONDS);
			}
			return call.apply(client, deadline);
		}
		finally {
			if (temporary && client != null) {
				// Milo keeps reconnecting a client until it is disconnected
				client.disconnectAsync();
			}
		}
	}

	/**
	 * Creates a temporary client (GetEndpoints, OPC UA Part 4 §5.4.4, happens here) whose
	 * requests wait no longer than the test, and gives up at the deadline.
	 */
	private OpcUaClient createWithin(OpcUaEndpoint endpoint, Duration timeout, long deadline) throws Exception {
		OpcUaSettings bounded = this.settings.withRequestTimeout(timeout);
		CompletableFuture<OpcUaClient> created = new CompletableFuture<>();
		Thread.ofVirtual().name("opcua-test-client").start(() -> {
			try {
				created.complete(OpcUaClients.create(endpoint, bounded, this.pki));
			}
			catch (Throwable ex) {
				created.completeExceptionally(ex);
			}
		});
		try {
			return created.get(remaining(deadline), TimeUnit.NANOSECONDS);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			created.thenAccept(OpcUaClient::disconnectAsync);
			throw ex;
		}
	}

	private static long remaining(long deadline) {
		return Math.max(1, deadline - System.nanoTime());
	}

	private static ChannelConfig withId(ChannelConfig channel) {
		// Samples need a positive id; an unsaved channel (id 0) is only converted here.
		return new ChannelConfig(Long.MAX_VALUE, channel.name(), channel.dataType(), channel.scale(), channel.offset(),
				channel.pollInterval(), channel.enabled(), channel.collector(), channel.tags(), channel.protocol(),
				channel.settings(), channel.version());
	}

	/** Why the channel is not running, when its settings are invalid. */
	public Optional<String> lastError(long channelId) {
		return this.tracker.reason(channelId);
	}

	/** The collector's certificate store and trust list. */
	public OpcUaPki pki() {
		return this.pki;
	}

	@Override
	public synchronized EngineStatus status() {
		return new EngineStatus(this.reconciler.running()
			.values()
			.stream()
			.map(OpcUaConnection::status)
			.sorted(Comparator.comparing((status) -> status.key()))
			.toList(), this.tracker.snapshot(), null, this.metrics.overrunCount());
	}

	@Override
	public void close() {
		List<OpcUaConnection> all;
		synchronized (this) {
			all = this.reconciler.clear();
		}
		// in parallel: each waits for its server to acknowledge the disconnect
		List<Thread> closing = all.stream().map((connection) -> Thread.ofVirtual().start(connection::close)).toList();
		for (Thread thread : closing) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** A call on a connected client, done by the deadline ({@link System#nanoTime()}). */
	@FunctionalInterface
	public interface SessionCall<T> {

		T apply(OpcUaClient client, long deadlineNanos) throws Exception;

	}

	@FunctionalInterface
	private interface ClientCall {

		ReadResult apply(OpcUaClient client, OpcUaChannel channel, long deadlineNanos) throws Exception;

	}

}
