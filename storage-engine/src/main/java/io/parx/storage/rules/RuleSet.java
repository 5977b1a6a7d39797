package io.parx.storage.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parx.common.config.rule.StorageMode;
import io.parx.storage.batches.BatchDefinition;

/**
 * An immutable snapshot of the enabled storage rules and batch definitions, indexed by
 * channel so that evaluating a sample costs a few map look-ups. Replaced as a whole when
 * the configuration changes.
 */
public final class RuleSet {

	private static final RuleSet EMPTY = new RuleSet(List.of(), List.of());

	private final String signature;

	private final List<StorageRule> rules;

	private final List<BatchDefinition> batchDefinitions;

	private final Map<Long, List<StorageRule>> byChannel = new HashMap<>();

	private final Map<Long, List<StorageRule>> byCondition = new HashMap<>();

	private final Map<Long, List<BatchDefinition>> batchesByChannel = new HashMap<>();

	private final Set<Long> watched = new HashSet<>();

	public RuleSet(List<StorageRule> rules, List<BatchDefinition> batchDefinitions) {
		this(rules, batchDefinitions, null);
	}

	/**
	 * A rule set built from configuration rows with this {@link ConfigSignature}, or
	 * {@code null} when it was not loaded from the database.
	 */
	RuleSet(List<StorageRule> rules, List<BatchDefinition> batchDefinitions, String signature) {
		this.signature = signature;
		this.rules = List.copyOf(rules);
		this.batchDefinitions = List.copyOf(batchDefinitions);
		for (StorageRule rule : this.rules) {
			for (long channelId : rule.channelIds()) {
				add(this.byChannel, channelId, rule);
			}
			switch (rule.mode()) {
				case StorageMode.Event event -> {
					add(this.byCondition, event.conditionChannelId(), rule);
					this.watched.addAll(rule.channelIds());
				}
				case StorageMode.Trigger trigger -> {
					for (long channelId : rule.trigger().channelIds()) {
						add(this.byCondition, channelId, rule);
						this.watched.add(channelId);
					}
					this.watched.addAll(rule.channelIds());
				}
				case StorageMode.Continuous continuous -> {
				}
				case StorageMode.Change change -> {
				}
			}
		}
		for (BatchDefinition definition : this.batchDefinitions) {
			for (long channelId : new long[] { definition.triggerChannelId(), definition.startChannelId(),
					definition.stopChannelId() }) {
				if (channelId > 0) {
					add(this.batchesByChannel, channelId, definition);
				}
			}
			if (definition.nameChannelId() > 0) {
				this.watched.add(definition.nameChannelId());
			}
		}
	}

	public static RuleSet empty() {
		return EMPTY;
	}

	private static <T> void add(Map<Long, List<T>> index, long channelId, T item) {
		List<T> list = index.computeIfAbsent(channelId, (id) -> new ArrayList<>(2));
		if (!list.contains(item)) {
			list.add(item);
		}
	}

	/** Whether both were loaded from the same configuration rows. */
	boolean sameConfigurationAs(RuleSet other) {
		return this.signature != null && this.signature.equals(other.signature);
	}

	public List<StorageRule> rules() {
		return this.rules;
	}

	public List<BatchDefinition> batchDefinitions() {
		return this.batchDefinitions;
	}

	/** Rules that store samples of this channel. */
	List<StorageRule> storing(long channelId) {
		return this.byChannel.getOrDefault(channelId, List.of());
	}

	/** EVENT and TRIGGER rules whose condition reads this channel. */
	List<StorageRule> conditionedBy(long channelId) {
		return this.byCondition.getOrDefault(channelId, List.of());
	}

	List<BatchDefinition> batchesWatching(long channelId) {
		return this.batchesByChannel.getOrDefault(channelId, List.of());
	}

	/**
	 * Whether the current value of this channel is needed by an event, trigger or batch.
	 */
	boolean isWatched(long channelId) {
		return this.watched.contains(channelId);
	}

}
