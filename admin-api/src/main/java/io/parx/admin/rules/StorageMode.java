package io.parx.admin.rules;

import java.util.LinkedHashMap;
import java.util.Map;

import io.parx.common.config.SettingsReader;

/**
 * When a rule stores a sample: {@code storage_rule.mode} with its {@code settings} as
 * documented in the V1 config schema.
 */
sealed interface StorageMode
		permits StorageMode.Continuous, StorageMode.Change, StorageMode.Event, StorageMode.Trigger {

	String name();

	Map<String, Object> toMap();

	/**
	 * Reads the settings of one mode, recording every bad field; channel ids and formulas
	 * are checked against the database by {@link RuleChecks}.
	 * @return the mode, or {@code null} when a field was rejected
	 */
	static StorageMode read(String mode, SettingsReader f) {
		int before = f.problems().size();
		StorageMode result = switch (mode) {
			case "CONTINUOUS" -> new Continuous(f.longValue("intervalMs", 0L, 0, 86_400_000L * 366));
			case "CHANGE" -> Change.read(f);
			case "EVENT" -> new Event(f.longValue("conditionChannelId", null, 1, Long.MAX_VALUE),
					f.choice("edge", Edge.class, Edge.RISING));
			case "TRIGGER" -> new Trigger(f.string("formula", true, 10_000),
					f.choice("store", TriggerStore.class, TriggerStore.WHILE_TRUE));
			default -> throw new IllegalArgumentException("unknown mode " + mode);
		};
		f.rejectUnknown();
		return (f.problems().size() == before) ? result : null;
	}

	/** The last sample of each interval, or every sample when the interval is 0. */
	record Continuous(Long intervalMs) implements StorageMode {

		@Override
		public String name() {
			return "CONTINUOUS";
		}

		@Override
		public Map<String, Object> toMap() {
			return Map.of("intervalMs", this.intervalMs);
		}

	}

	/**
	 * A sample that leaves the deadband around the last stored value, and at least every
	 * {@code maxIntervalMs} (0: no minimum rate).
	 */
	record Change(Double deadband, DeadbandType deadbandType, Long maxIntervalMs) implements StorageMode {

		static Change read(SettingsReader f) {
			Double deadband = f.number("deadband", 0.0, 0, Double.MAX_VALUE);
			DeadbandType type = f.choice("deadbandType", DeadbandType.class, DeadbandType.ABSOLUTE);
			if (type == DeadbandType.PERCENT && deadband != null && deadband > 100) {
				f.reject("deadband", "a PERCENT deadband must be between 0 and 100");
			}
			return new Change(deadband, type, f.longValue("maxIntervalMs", 0L, 0, 86_400_000L * 366));
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
			map.put("maxIntervalMs", this.maxIntervalMs);
			return map;
		}

	}

	/** On an edge of a boolean condition channel. */
	record Event(Long conditionChannelId, Edge edge) implements StorageMode {

		@Override
		public String name() {
			return "EVENT";
		}

		@Override
		public Map<String, Object> toMap() {
			return Map.of("conditionChannelId", this.conditionChannelId, "edge", this.edge.name());
		}

	}

	/** While a formula over channel values is true, or on its transitions. */
	record Trigger(String formula, TriggerStore store) implements StorageMode {

		@Override
		public String name() {
			return "TRIGGER";
		}

		@Override
		public Map<String, Object> toMap() {
			return Map.of("formula", this.formula, "store", this.store.name());
		}

	}

	enum DeadbandType {

		ABSOLUTE, PERCENT

	}

	enum Edge {

		RISING, FALLING, BOTH

	}

	enum TriggerStore {

		WHILE_TRUE, ON_TRANSITION

	}

}
