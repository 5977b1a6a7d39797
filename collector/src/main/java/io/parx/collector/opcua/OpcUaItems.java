package io.parx.collector.opcua;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * The monitored items of one subscription, one per channel, carrying their channel as
 * user object. Not thread-safe: used from its connection's thread only.
 */
final class OpcUaItems {

	private final Map<Long, OpcUaMonitoredItem> items = new HashMap<>();

	private final int queueSize;

	OpcUaItems(int queueSize) {
		this.queueSize = queueSize;
	}

	/**
	 * Diffs the items against the wanted channels: a channel whose node, sampling or
	 * deadband changed gets a new item, one whose name, scale or type changed keeps its
	 * item with the new channel attached.
	 */
	Change update(List<OpcUaChannel> wanted) {
		Map<Long, OpcUaChannel> byId = new HashMap<>();
		wanted.forEach((channel) -> byId.put(channel.id(), channel));
		List<OpcUaMonitoredItem> removed = new ArrayList<>();
		this.items.entrySet().removeIf((entry) -> {
			OpcUaChannel next = byId.get(entry.getKey());
			if (next == null || !next.sameMonitoring(channel(entry.getValue()))) {
				removed.add(entry.getValue());
				return true;
			}
			entry.getValue().setUserObject(next);
			return false;
		});
		List<OpcUaMonitoredItem> added = new ArrayList<>();
		for (OpcUaChannel channel : wanted) {
			if (!this.items.containsKey(channel.id())) {
				OpcUaMonitoredItem item = newItem(channel);
				this.items.put(channel.id(), item);
				added.add(item);
			}
		}
		return new Change(removed, added);
	}

	private OpcUaMonitoredItem newItem(OpcUaChannel channel) {
		OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(channel.nodeId());
		item.setSamplingInterval(channel.samplingInterval());
		// fast changes between two publishes are queued, not lost (Part 4 §5.12.1.5)
		item.setQueueSize(uint(this.queueSize));
		item.setDiscardOldest(true);
		if (channel.deadband() > 0) {
			item.setFilter(new DataChangeFilter(DataChangeTrigger.StatusValue, uint(DeadbandType.Absolute.getValue()),
					channel.deadband()));
		}
		item.setUserObject(channel);
		return item;
	}

	List<OpcUaMonitoredItem> all() {
		return List.copyOf(this.items.values());
	}

	int size() {
		return this.items.size();
	}

	/**
	 * Channels whose item the server refused, with its StatusCode (e.g.
	 * Bad_NodeIdUnknown).
	 */
	Map<OpcUaChannel, StatusCode> refused() {
		Map<OpcUaChannel, StatusCode> refused = new HashMap<>();
		for (OpcUaMonitoredItem item : this.items.values()) {
			StatusCode result = item.getCreateResult().orElse(StatusCode.GOOD);
			if (result.isBad()) {
				refused.put(channel(item), result);
			}
		}
		return refused;
	}

	static OpcUaChannel channel(OpcUaMonitoredItem item) {
		return (OpcUaChannel) item.getUserObject().orElseThrow();
	}

	/**
	 * Items to delete on and create at the server.
	 *
	 * @param removed items no channel wants any more
	 * @param added new items
	 */
	record Change(List<OpcUaMonitoredItem> removed, List<OpcUaMonitoredItem> added) {

		boolean isEmpty() {
			return this.removed.isEmpty() && this.added.isEmpty();
		}

	}

}
