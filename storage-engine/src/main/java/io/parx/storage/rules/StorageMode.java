package io.parx.storage.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * When a storage rule stores a sample ({@code storage_rule.mode} and {@code settings} in
 * the config schema V1).
 */
public sealed interface StorageMode {

	/**
	 * The last sample of each interval (aligned to the epoch), or every sample when the
	 * interval is zero.
	 */
	record Continuous(Duration interval) implements StorageMode {

		public Continuous {
			if (interval.isNegative()) {
				throw new IllegalArgumentException("interval must not be negative");
			}
		}

		public boolean everySample() {
			return this.interval.isZero();
		}

	}

	/**
	 * A sample that moves beyond the deadband from the last stored value, any change of
	 * quality, and at least every {@code maxInterval} (zero: no such minimum).
	 */
	record Change(double deadband, DeadbandType deadbandType, Duration maxInterval) implements StorageMode {

		public Change {
			Objects.requireNonNull(deadbandType, "deadbandType");
			if (!(deadband >= 0) || maxInterval.isNegative()) {
				throw new IllegalArgumentException("deadband and maxInterval must not be negative");
			}
		}

	}

	/** On an edge of the condition channel, the current values of the rule's channels. */
	record Event(long conditionChannelId, Edge edge) implements StorageMode {

		public Event {
			Objects.requireNonNull(edge, "edge");
		}

	}

	/**
	 * While a formula over current channel values is true (every sample of the rule's
	 * channels), or on its transitions (the current values of the rule's channels).
	 */
	record Trigger(TriggerCondition condition, TriggerStore store) implements StorageMode {

		public Trigger {
			Objects.requireNonNull(condition, "condition");
			Objects.requireNonNull(store, "store");
		}

	}

	enum DeadbandType {

		ABSOLUTE, PERCENT

	}

	enum Edge {

		RISING, FALLING, BOTH;

		boolean matches(boolean before, boolean after) {
			return switch (this) {
				case RISING -> !before && after;
				case FALLING -> before && !after;
				case BOTH -> before != after;
			};
		}

	}

	enum TriggerStore {

		WHILE_TRUE, ON_TRANSITION

	}

}
