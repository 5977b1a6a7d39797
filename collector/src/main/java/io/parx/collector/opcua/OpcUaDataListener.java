package io.parx.collector.opcua;

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
 * Turns a subscription's data changes into one sample batch per publish response, and has
 * the subscription recreated when the server no longer has it.
 */
final class OpcUaDataListener implements OpcUaSubscription.SubscriptionListener {

	private static final Logger logger = LoggerFactory.getLogger(OpcUaDataListener.class);

	private final OpcUaEndpoint endpoint;

	private final Consumer<List<Sample>> samples;

	private final Consumer<Runnable> recreate;

	/**
	 * @param endpoint for log messages
	 * @param samples receives every batch
	 * @param recreate runs a task on the connection's thread, then recreates and
	 * synchronizes the subscription
	 */
	OpcUaDataListener(OpcUaEndpoint endpoint, Consumer<List<Sample>> samples, Consumer<Runnable> recreate) {
		this.endpoint = endpoint;
		this.samples = samples;
		this.recreate = recreate;
	}

	@Override
	public void onDataReceived(OpcUaSubscription subscription, List<OpcUaMonitoredItem> items, List<DataValue> values) {
		Instant now = Instant.now();
		List<Sample> batch = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			Object channel = items.get(i).getUserObject().orElse(null);
			if (channel instanceof OpcUaChannel opcUaChannel && opcUaChannel.id() > 0) {
				batch.add(OpcUaValues.toSample(opcUaChannel.config(), values.get(i), now));
			}
		}
		if (!batch.isEmpty()) {
			this.samples.accept(batch);
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
