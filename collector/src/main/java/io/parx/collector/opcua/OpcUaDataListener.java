package io.parx.collector.opcua;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.parx.common.sample.Sample;

/**
 * Turns a subscription's data changes into one sample batch per publish response, counts
 * the values the server says it dropped, and has the subscription recreated when the
 * server no longer has it.
 */
final class OpcUaDataListener implements OpcUaSubscription.SubscriptionListener {

	private static final Logger logger = LoggerFactory.getLogger(OpcUaDataListener.class);

	/** How often a continuing loss is logged again. */
	private static final Duration LOG_EVERY = Duration.ofMinutes(1);

	private final OpcUaEndpoint endpoint;

	private final OpcUaConnection.Listener listener;

	private final Consumer<Runnable> recreate;

	/** Losses not logged yet; guarded by {@code this}. */
	private long unloggedLosses;

	/** When a loss was last logged, or {@code null}; guarded by {@code this}. */
	private Instant loggedAt;

	/**
	 * @param endpoint for log messages
	 * @param listener receives every batch and every loss
	 * @param recreate runs a task on the connection's thread, then recreates and
	 * synchronizes the subscription
	 */
	OpcUaDataListener(OpcUaEndpoint endpoint, OpcUaConnection.Listener listener, Consumer<Runnable> recreate) {
		this.endpoint = endpoint;
		this.listener = listener;
		this.recreate = recreate;
	}

	@Override
	public void onDataReceived(OpcUaSubscription subscription, List<OpcUaMonitoredItem> items, List<DataValue> values) {
		Instant now = Instant.now();
		List<Sample> batch = new ArrayList<>(items.size());
		long overflows = 0;
		for (int i = 0; i < items.size(); i++) {
			DataValue value = values.get(i);
			// the Overflow bit: the item's queue was full and the server discarded a
			// value
			// (Part 4 §5.12.1.5); the value itself is still good
			if (value.getStatusCode() != null && value.getStatusCode().isOverflowSet()) {
				overflows++;
			}
			Object channel = items.get(i).getUserObject().orElse(null);
			if (channel instanceof OpcUaChannel opcUaChannel && opcUaChannel.id() > 0) {
				batch.add(OpcUaValues.toSample(opcUaChannel.config(), value, now));
			}
		}
		if (!batch.isEmpty()) {
			this.listener.samples(batch);
		}
		if (overflows > 0) {
			lost(overflows, "values from full monitored-item queues (raise parx.collector.opcua.queue-size, or the "
					+ "channels' samplingIntervalMs)");
		}
	}

	@Override
	public void onNotificationDataLost(OpcUaSubscription subscription) {
		// a gap in the publish sequence numbers that republishing could not fill
		lost(1, "publish responses (a gap in the sequence numbers the server could not republish)");
	}

	private void lost(long count, String what) {
		this.listener.valuesLost(count);
		Instant now = Instant.now();
		synchronized (this) {
			this.unloggedLosses += count;
			if (this.loggedAt != null && now.isBefore(this.loggedAt.plus(LOG_EVERY))) {
				return;
			}
			logger.warn("OPC UA server {} dropped {} {}", this.endpoint, this.unloggedLosses, what);
			this.unloggedLosses = 0;
			this.loggedAt = now;
		}
	}

	@Override
	public void onTransferFailed(OpcUaSubscription subscription, StatusCode status) {
		// Milo has reset it: the server (restarted?) no longer has it (Part 4 §5.13.7)
		logger.info("OPC UA subscription on {} could not be transferred ({}), recreating", this.endpoint, status);
		this.recreate.accept(() -> {
		});
	}

	@Override
	public void onStatusChanged(OpcUaSubscription subscription, StatusCode status) {
		if (status.isBad()) {
			// Bad_Timeout: the server deleted the subscription (Part 4 §5.13.1.1)
			logger.info("OPC UA subscription on {} ended ({}), recreating", this.endpoint, status);
			this.recreate.accept(subscription::reset);
		}
	}

}
