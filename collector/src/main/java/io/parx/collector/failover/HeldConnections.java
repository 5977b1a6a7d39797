package io.parx.collector.failover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parx.collector.engine.ChannelConfig;

import org.springframework.stereotype.Component;

/**
 * Which of this collector's channels may run here: shared by the channel coordinator
 * (which reports the group's channels and their connections and runs only the admitted
 * ones), the {@link LeaseKeeper} (which takes and renews the leases) and the publish
 * pipeline's {@code FencedSink} (which publishes only samples of connections whose lease
 * is valid at that moment). Without failover every channel is admitted.
 */
@Component
public class HeldConnections {

	private final boolean enabled;

	private volatile Map<Long, String> connectionOf = Map.of();

	private volatile Map<String, Leases.Lease> held = Map.of();

	private volatile Runnable onAssigned = () -> {
	};

	private volatile Runnable onHeldChanged = () -> {
	};

	public HeldConnections(FailoverSettings settings) {
		this.enabled = settings.enabled();
	}

	/** Whether the channels are shared through leases. */
	public boolean enabled() {
		return this.enabled;
	}

	/**
	 * The group's channels that run somewhere, with the connection each belongs to;
	 * called by the coordinator whenever they change.
	 */
	public void assigned(Map<Long, String> connectionOf) {
		Map<Long, String> copy = Map.copyOf(connectionOf);
		if (!copy.equals(this.connectionOf)) {
			this.connectionOf = copy;
			this.onAssigned.run();
		}
	}

	/** Whether a channel of this group may run here now. */
	public boolean admits(ChannelConfig channel) {
		return admits(channel.id());
	}

	/** Whether the channel's connection is held here with a lease valid now. */
	public boolean admits(long channelId) {
		if (!this.enabled) {
			return true;
		}
		String connection = this.connectionOf.get(channelId);
		Leases.Lease lease = (connection != null) ? this.held.get(connection) : null;
		return lease != null && lease.validUntilNanos() - System.nanoTime() > 0;
	}

	/** The connections of the group's channels, each with its channels' ids. */
	Map<String, List<Long>> connections() {
		Map<String, List<Long>> connections = new HashMap<>();
		this.connectionOf.forEach((channel,
				connection) -> connections.computeIfAbsent(connection, (c) -> new ArrayList<>()).add(channel));
		connections.values().forEach((ids) -> ids.sort(null));
		return connections;
	}

	Set<String> wanted() {
		return Set.copyOf(this.connectionOf.values());
	}

	void held(Map<String, Leases.Lease> held) {
		boolean changed = !held.keySet().equals(this.held.keySet());
		this.held = Map.copyOf(held);
		if (changed) {
			this.onHeldChanged.run();
		}
	}

	/**
	 * Runs the listener (on the lease keeper's thread) whenever connections were taken or
	 * given up: the coordinator applies the channels again.
	 */
	public void onHeldChanged(Runnable listener) {
		this.onHeldChanged = listener;
	}

	Map<String, Leases.Lease> held() {
		return this.held;
	}

	void onAssigned(Runnable listener) {
		this.onAssigned = listener;
	}

}
