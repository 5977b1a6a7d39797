package io.parx.collector.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between the channels an engine runs and the ones it is asked to run.
 *
 * @param added ids of channels that did not run
 * @param changed ids of channels whose configuration differs (any field, version
 * included)
 * @param removed ids of channels that ran and are no longer asked for
 */
public record ChannelDiff(Set<Long> added, Set<Long> changed, Set<Long> removed) {

	public ChannelDiff {
		added = Set.copyOf(added);
		changed = Set.copyOf(changed);
		removed = Set.copyOf(removed);
	}

	/**
	 * Compares the running channels with the desired ones.
	 * @param running the channels that run, by id
	 * @param desired the channels asked for
	 */
	public static ChannelDiff between(Map<Long, ChannelConfig> running, Collection<ChannelConfig> desired) {
		Set<Long> added = new TreeSet<>();
		Set<Long> changed = new TreeSet<>();
		Set<Long> removed = new TreeSet<>(running.keySet());
		for (ChannelConfig channel : desired) {
			ChannelConfig before = running.get(channel.id());
			removed.remove(channel.id());
			if (before == null) {
				added.add(channel.id());
			}
			else if (!Objects.equals(before, channel)) {
				changed.add(channel.id());
			}
		}
		return new ChannelDiff(added, changed, removed);
	}

	public boolean isEmpty() {
		return this.added.isEmpty() && this.changed.isEmpty() && this.removed.isEmpty();
	}

	/** Every id the diff names, for logs. */
	public List<Long> touched() {
		List<Long> all = new ArrayList<>(new TreeSet<>(this.added));
		all.addAll(new TreeSet<>(this.changed));
		all.addAll(new TreeSet<>(this.removed));
		return all;
	}

}
