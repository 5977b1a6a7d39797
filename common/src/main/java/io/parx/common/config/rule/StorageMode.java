package io.parx.common.config.rule;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.parx.common.config.InvalidSettingsException;
import io.parx.common.config.SettingsReader;

/**
 * When a storage rule stores a sample: {@code storage_rule.mode} with its
 * {@code settings} (config schema V1). The admin-api validates requests and writes the
 * stored document with these types; the storage engine reads the stored document with
 * them, so both apply the same rules and defaults.
 */
public sealed interface StorageMode
		permits StorageMode.Continuous, StorageMode.Change, StorageMode.Event, StorageMode.Trigger {

	/** Longest interval a rule may set: a leap year. */
	long MAX_INTERVAL_MS = 86_400_000L * 366;

	/** The wire name, {@code storage_rule.mode}. */
	String name();

	/** The stored form, {@code storage_rule.settings}. */
	Map<String, Object> toMap();

	/**
	 * Reads and validates the settings of one mode, recording every bad field and every
	 * unknown one. Channel ids and formulas are checked against the configuration by the
	 * admin-api.
	 * @param mode the wire name
	 * @return the mode, or {@code null} when a field was rejected
	 * @throws IllegalArgumentException for an unknown mode name
	 */
	static StorageMode read(String mode, SettingsReader f) {
		int before = f.problems().size();
		StorageMode result = switch (mode) {
			case "CONTINUOUS" -> Continuous.read(f);
			case "CHANGE" -> Change.read(f);
			case "EVENT" -> Event.read(f);
			case "TRIGGER" -> Trigger.read(f);
			default -> throw new IllegalArgumentException("unknown mode " + mode);
		};
		f.rejectUnknown();
		return (f.problems().size() == before) ? result : null;
	}

	/**
	 * Reads a stored settings document.
	 * @throws InvalidSettingsException naming every bad field
	 */
	static StorageMode fromJson(String mode, Map<String, ?> json) {
		SettingsReader reader = new SettingsReader(json, "settings.", new java.util.ArrayList<>());
		StorageMode result = read(mode, reader);
		reader.throwIfAny();
		return result;
	}

	/**
	 * The last sample of each interval (aligned to the epoch), or every sample when the
	 * interval is zero, the default.
	 */
	record Continuous(Duration interval) implements StorageMode {

		public Continuous {
			Objects.requireNonNull(interval, "interval");
			if (interval.isNegative() || interval.toMillis() > MAX_INTERVAL_MS) {
				throw new IllegalArgumentException("interval must be between 0 and 366 days");
			}
		}

		static Continuous read(SettingsReader f) {
			Long interval = f.longValue("intervalMs", 0L, 0, MAX_INTERVAL_MS);
			return (interval != null) ? new Continuous(Duration.ofMillis(interval)) : null;
		}

		public boolean everySample() {
			return this.interval.isZero();
		}

		@Override
		public String name() {
			return "CONTINUOUS";
		}

		@Override
		public Map<String, Object> toMap() {
			return Map.of("intervalMs", this.interval.toMillis());
		}

	}

	/**
	 * A sample that moves beyond the deadband from the last stored value (0 by default,
	 * ABSOLUTE), any change of quality, and at least every {@code maxInterval} (zero, the
	 * default: no such minimum).
	 */
	record Change(double deadband, DeadbandType deadbandType, Duration maxInterval) implements StorageMode {

		public Change {
			Objects.requireNonNull(deadbandType, "deadbandType");
			Objects.requireNonNull(maxInterval, "maxInterval");
			if (!(deadband >= 0) || Double.isInfinite(deadband) || maxInterval.isNegative()) {
				throw new IllegalArgumentException("deadband and maxInterval must not be negative");
			}
			if (deadbandType == DeadbandType.PERCENT && deadband > 100) {
				throw new IllegalArgumentException("a PERCENT deadband must be between 0 and 100");
			}
		}

		static Change read(SettingsReader f) {
			Double deadband = f.number("deadband", 0.0, 0, Double.MAX_VALUE);
			DeadbandType type = f.choice("deadbandType", DeadbandType.class, DeadbandType.ABSOLUTE);
			if (type == DeadbandType.PERCENT && deadband != null && deadband > 100) {
				f.reject("deadband", "a PERCENT deadband must be between 0 and 100");
				deadband = null;
			}
			Long maxInterval = f.longValue("maxIntervalMs", 0L, 0, MAX_INTERVAL_MS);
			if (deadband == null || type == null || maxInterval == null) {
				return null;
			}
			return new Change(deadband, type, Duration.ofMillis(maxInterval));
		}

		@Override
		public String name() {
			return "CHANGE";
		}

		@Override
		public Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("deadband", this.deadband);
			map.put("deadbandType", this.deadbandType.name());
			map.put("maxIntervalMs", this.maxInterval.toMillis());
			return map;
		}

	}

	/**
	 * On an edge (RISING by default) of the condition channel, the current values of the
	 * rule's channels.
	 */
	record Event(long conditionChannelId, Edge edge) implements StorageMode {

		public Event {
			Objects.requireNonNull(edge, "edge");
			if (conditionChannelId < 1) {
				throw new IllegalArgumentException("conditionChannelId must be a channel id");
			}
		}

		static Event read(SettingsReader f) {
			Long channel = f.longValue("conditionChannelId", null, 1, Long.MAX_VALUE);
			Edge edge = f.choice("edge", Edge.class, Edge.RISING);
			return (channel != null && edge != null) ? new Event(channel, edge) : null;
		}

		@Override
		public String name() {
			return "EVENT";
		}

		@Override
		public Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("conditionChannelId", this.conditionChannelId);
			map.put("edge", this.edge.name());
			return map;
		}

	}

	/**
	 * While a formula over current channel values is true (every sample of the rule's
	 * channels; WHILE_TRUE, the default), or on its transitions (the current values of
	 * the rule's channels).
	 *
	 * @param formula the condition in the common formula language; its syntax and
	 * channels are checked by the admin-api, which names the position of a syntax error
	 */
	record Trigger(String formula, TriggerStore store) implements StorageMode {

		public Trigger {
			Objects.requireNonNull(store, "store");
			if (formula == null || formula.isBlank()) {
				throw new IllegalArgumentException("formula is required");
			}
		}

		static Trigger read(SettingsReader f) {
			String formula = f.string("formula", true, 10_000);
			TriggerStore store = f.choice("store", TriggerStore.class, TriggerStore.WHILE_TRUE);
			return (formula != null && store != null) ? new Trigger(formula, store) : null;
		}

		@Override
		public String name() {
			return "TRIGGER";
		}

		@Override
		public Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("formula", this.formula);
			map.put("store", this.store.name());
			return map;
		}

	}

	enum DeadbandType {

		ABSOLUTE, PERCENT

	}

	enum Edge {

		RISING, FALLING, BOTH;

		/**
		 * Whether a change of the condition from {@code before} to {@code after} is this
		 * edge.
		 */
		public boolean matches(boolean before, boolean after) {
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
