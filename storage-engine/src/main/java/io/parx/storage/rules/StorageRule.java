package io.parx.storage.rules;

import io.parx.common.config.rule.StorageMode;
import java.util.List;
import java.util.Objects;

/**
 * A storage rule as read from the config database ({@code storage_rule}): which channels
 * it historises, when ({@link StorageMode}) and where ({@link Backend}).
 *
 * @param id the rule's id
 * @param name the rule's unique name, used in file names
 * @param mode when a sample is stored
 * @param trigger the compiled condition of a TRIGGER mode, {@code null} for the others
 * @param backend where stored samples go
 * @param channelIds the channels the rule covers
 * @param retentionDays how long stored rows are kept, {@code null} for ever
 */
public record StorageRule(long id, String name, StorageMode mode, TriggerCondition trigger, Backend backend,
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
	public StorageRule(long id, String name, StorageMode mode, Backend backend, List<Long> channelIds,
			Integer retentionDays) {
		this(id, name, mode, null, backend, channelIds, retentionDays);
	}

	/** Where the samples a rule stores are written. */
	public sealed interface Backend {

		/** The {@code samples} table of the time-series database. */
		record Timeseries() implements Backend {

		}

		/**
		 * CSV files.
		 *
		 * @param directory where files are written
		 * @param naming file name template, see {@code io.parx.storage.file.CsvFileName}
		 * @param rotateEveryMs start a new file after this long (0: by date only)
		 * @param rotateSizeBytes start a new file after this size (0: no limit)
		 */
		record File(String directory, String naming, long rotateEveryMs, long rotateSizeBytes) implements Backend {

			public File {
				Objects.requireNonNull(directory, "directory");
				Objects.requireNonNull(naming, "naming");
				if (rotateEveryMs < 0 || rotateSizeBytes < 0) {
					throw new IllegalArgumentException("rotation limits must not be negative");
				}
			}

		}

	}

}
