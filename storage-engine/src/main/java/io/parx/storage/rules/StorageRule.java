package io.parx.storage.rules;

import java.util.List;
import java.util.Objects;

import io.parx.common.config.rule.StorageBackend;
import io.parx.common.config.rule.StorageMode;

/**
 * A storage rule as read from the config database ({@code storage_rule}): which channels
 * it historises, when ({@link StorageMode}) and where ({@link StorageBackend}).
 *
 * @param id the rule's id
 * @param name the rule's unique name, used in file names
 * @param mode when a sample is stored
 * @param trigger the compiled condition of a TRIGGER mode, {@code null} for the others
 * @param backend where stored samples go
 * @param channelIds the channels the rule covers
 * @param retentionDays how long stored rows are kept, {@code null} for ever
 */
public record StorageRule(long id, String name, StorageMode mode, TriggerCondition trigger, StorageBackend backend,
		List<Long> channelIds, Integer retentionDays) {

	public StorageRule {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(mode, "mode");
		if ((mode instanceof StorageMode.Trigger) != (trigger != null)) {
			throw new IllegalArgumentException("a TRIGGER rule, and only one, has a compiled condition");
		}
		Objects.requireNonNull(backend, "backend");
		channelIds = List.copyOf(channelIds);
		if (retentionDays != null && retentionDays <= 0) {
			throw new IllegalArgumentException("retentionDays must be positive, was " + retentionDays);
		}
	}

	/** A rule whose mode is not TRIGGER. */
	public StorageRule(long id, String name, StorageMode mode, StorageBackend backend, List<Long> channelIds,
			Integer retentionDays) {
		this(id, name, mode, null, backend, channelIds, retentionDays);
	}

}
