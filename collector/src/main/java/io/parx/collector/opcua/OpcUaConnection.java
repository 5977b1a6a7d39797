package io.parx.collector.opcua;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemSynchronizationException;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription.SyncState;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.parx.collector.engine.ConnectionStatus;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;

/**
 * One client, session and subscription for one {@link OpcUaEndpoint}, shared by its
 * channels, each a monitored item. Milo's session state machine reconnects and
 * reactivates or recreates the session by itself; when the server has lost the
 * subscription (a restart) and it cannot be transferred (OPC UA Part 4 §5.13.7), it is
 * created anew with all items. Every change to the subscription runs on this connection's
 * own thread.
 */
final class OpcUaConnection implements SessionActivityListener, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(OpcUaConnection.class);

	private final OpcUaEndpoint endpoint;

	private final OpcUaSettings settings;

	private final OpcUaPki pki;

	private final Listener listener;

	private final ScheduledExecutorService executor;

	/** Confined to {@link #executor}. */
	private final OpcUaItems items;

	private volatile List<OpcUaChannel> channels = List.of();

	private volatile OpcUaClient client;

	private OpcUaSubscription subscription;

	private volatile String state = ConnectionStatus.CONNECTING;

	private volatile String lastError;

	private final AtomicLong reconnectAttempts = new AtomicLong();

	private long retryDelayMillis;

	private volatile boolean closed;

	/** The StatusCode the channels were last marked with for this outage, or 0. */
	private volatile int reportedDown;

	OpcUaConnection(OpcUaEndpoint endpoint, OpcUaSettings settings, OpcUaPki pki, Listener listener) {
		this.endpoint = endpoint;
		this.settings = settings;
		this.pki = pki;
		this.listener = listener;
		this.retryDelayMillis = settings.connectRetryInitial().toMillis();
		this.items = new OpcUaItems(settings.queueSize());
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
				Thread.ofPlatform().daemon().name("opcua-" + endpoint.key().hashCode()).factory());
		// a pending retry must not hold up close()
		executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		this.executor = executor;
	}

	OpcUaEndpoint endpoint() {
		return this.endpoint;
	}

	List<OpcUaChannel> channels() {
		return this.channels;
	}

	/** The client when its session is active, else {@code null}. */
	OpcUaClient activeClient() {
		return ConnectionStatus.CONNECTED.equals(this.state) ? this.client : null;
	}

	void start() {
		this.executor.execute(this::createClient);
	}

	/**
	 * Creates the client. Until the server answers GetEndpoints this is retried with
	 * backoff; afterwards Milo keeps the session up by itself, whatever the first
	 * connect's outcome (an untrusted certificate, a refused login).
	 */
	private void createClient() {
		if (this.closed) {
			return;
		}
		try {
			OpcUaClient created = OpcUaClients.create(this.endpoint, this.settings, this.pki);
			created.addSessionActivityListener(this);
			this.client = created;
			created.connectAsync().whenComplete((connected, ex) -> {
				if (ex != null && !this.closed) {
					this.lastError = OpcUaClients.describe(ex);
					this.reconnectAttempts.incrementAndGet();
					logger.warn("OPC UA connect to {} failed, retrying: {}", this.endpoint, this.lastError);
					reportDown(OpcUaClients.statusOf(ex));
				}
			});
		}
		catch (UaException | RuntimeException ex) {
			this.lastError = OpcUaClients.describe(ex);
			this.reconnectAttempts.incrementAndGet();
			long delay = this.retryDelayMillis;
			this.retryDelayMillis = Math.min(delay * 2, this.settings.connectRetryMax().toMillis());
			logger.warn("OPC UA endpoint {} unavailable, retrying in {} ms: {}", this.endpoint, delay, this.lastError);
			reportDown(Quality.BAD_NOT_CONNECTED);
			this.executor.schedule(this::createClient, delay, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void onSessionActive(UaSession session) {
		if (this.closed) {
			return;
		}
		logger.info("OPC UA session active on {}", this.endpoint);
		this.state = ConnectionStatus.CONNECTED;
		this.reportedDown = 0;
		this.lastError = null;
		this.reconnectAttempts.set(0);
		this.executor.execute(this::ensureSubscription);
	}

	@Override
	public void onSessionInactive(UaSession session) {
		if (this.closed) {
			return;
		}
		logger.warn("OPC UA session lost on {}", this.endpoint);
		this.state = ConnectionStatus.CONNECTING;
		this.reconnectAttempts.incrementAndGet();
		reportDown(Quality.BAD_NOT_CONNECTED);
	}

	/**
	 * Marks the channels bad with why the server cannot be used (e.g.
	 * Bad_SecurityChecksFailed for an untrusted certificate), once per outage and reason.
	 */
	private void reportDown(int status) {
		int code = Quality.isBad(status) ? status : Quality.BAD_NOT_CONNECTED;
		if (this.reportedDown != code) {
			this.reportedDown = code;
			this.listener.connectionLost(this.channels, code);
		}
	}

	/** Sets the channels of this connection; unchanged channels keep their items. */
	void update(List<OpcUaChannel> channels) {
		this.channels = List.copyOf(channels);
		this.executor.execute(() -> applyItems(channels));
	}

	private void applyItems(List<OpcUaChannel> wanted) {
		if (this.closed) {
			return;
		}
		OpcUaItems.Change change = this.items.update(wanted);
		if (this.subscription != null && !change.isEmpty()) {
			this.subscription.removeMonitoredItems(change.removed());
			this.subscription.addMonitoredItems(change.added());
		}
		ensureSubscription();
	}

	/**
	 * Creates the subscription if the server has none for us (first connect, or a
	 * restarted server) and brings its monitored items in line with the channels.
	 */
	private void ensureSubscription() {
		OpcUaClient current = this.client;
		if (this.closed || current == null || !ConnectionStatus.CONNECTED.equals(this.state)) {
			return;
		}
		try {
			if (this.subscription == null) {
				this.subscription = new OpcUaSubscription(current, this.settings.publishingInterval().toMillis());
				this.subscription.setSubscriptionListener(
						new OpcUaDataListener(this.endpoint, this.listener, (task) -> this.executor.execute(() -> {
							task.run();
							ensureSubscription();
						})));
				this.subscription.addMonitoredItems(this.items.all());
			}
			if (this.subscription.getSyncState() == SyncState.INITIAL) {
				this.subscription.create();
				logger.info("OPC UA subscription created on {} with {} items", this.endpoint, this.items.size());
			}
			if (this.subscription.getSyncState() != SyncState.SYNCHRONIZED || this.subscription.getMonitoredItems()
				.stream()
				.anyMatch((item) -> item.getCreateResult().isEmpty())) {
				this.subscription.synchronizeMonitoredItems();
			}
		}
		catch (MonitoredItemSynchronizationException ex) {
			reportItemFailures();
		}
		catch (UaException | RuntimeException ex) {
			this.lastError = "subscription: " + OpcUaClients.describe(ex);
			logger.warn("OPC UA subscription on {} failed, retrying: {}", this.endpoint, this.lastError);
			this.executor.schedule(this::ensureSubscription, this.settings.connectRetryInitial().toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Items the server refused (e.g. Bad_NodeIdUnknown) mark their channel with the code.
	 */
	private void reportItemFailures() {
		Instant now = Instant.now();
		List<Sample> failed = new ArrayList<>();
		this.items.refused().forEach((channel, status) -> {
			this.lastError = "node " + channel.nodeId().toParseableString() + ": "
					+ StatusCodes.lookup(status.getValue()).map((names) -> names[0]).orElse(status.toString());
			failed.add(Sample.failed(channel.id(), now, (int) status.getValue()));
		});
		if (!failed.isEmpty()) {
			logger.warn("OPC UA server {} refused {} monitored item(s): {}", this.endpoint, failed.size(),
					this.lastError);
			this.listener.samples(failed);
		}
	}

	ConnectionStatus status() {
		String shown = this.closed ? ConnectionStatus.DISCONNECTED : this.state;
		return new ConnectionStatus(this.endpoint.key(), shown, this.lastError, this.reconnectAttempts.get());
	}

	@Override
	public void close() {
		this.closed = true;
		this.state = ConnectionStatus.DISCONNECTED;
		this.executor.execute(() -> {
			OpcUaClient current = this.client;
			if (current == null) {
				return;
			}
			try {
				if (this.subscription != null && this.subscription.getSyncState() != SyncState.INITIAL) {
					this.subscription.delete();
				}
			}
			catch (UaException | RuntimeException ex) {
				logger.debug("Deleting the OPC UA subscription on {} failed", this.endpoint, ex);
			}
			try {
				current.disconnectAsync().get(this.settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (Exception ex) {
				logger.debug("Disconnecting from {} failed", this.endpoint, ex);
			}
		});
		this.executor.shutdown();
		try {
			if (!this.executor.awaitTermination(this.settings.requestTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)) {
				this.executor.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Where a connection delivers what it reads. */
	interface Listener {

		void samples(List<Sample> batch);

		/**
		 * The server dropped values before sending them: {@code count} overflowed
		 * monitored-item queues or lost publish responses.
		 */
		default void valuesLost(long count) {
		}

		/** No session: the channels are bad with the given code until it is back. */
		default void connectionLost(List<OpcUaChannel> channels, int status) {
			Instant now = Instant.now();
			List<Sample> batch = channels.stream()
				.filter((channel) -> channel.id() > 0)
				.map((channel) -> Sample.failed(channel.id(), now, status))
				.toList();
			if (!batch.isEmpty()) {
				samples(batch);
			}
		}

	}

}
