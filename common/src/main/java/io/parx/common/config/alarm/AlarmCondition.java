package io.parx.common.config.alarm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.parx.common.config.SettingsReader;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;

/**
 * When an alarm is in alarm, by type. The evaluator asks two questions of a sample:
 * whether it raises the alarm and, while active, whether it clears it; they differ by the
 * deadband, so a value hovering at the limit does not toggle the alarm (ISA-18.2 §10.5).
 */
public sealed interface AlarmCondition
		permits AlarmCondition.Limit, AlarmCondition.Discrete, AlarmCondition.BadQuality {

	/** Largest limit or deadband magnitude accepted. */
	double MAX_MAGNITUDE = 1e15;

	AlarmType type();

	/** The type-specific fields of the API and stored form. */
	Map<String, Object> toMap();

	/**
	 * Whether the sample puts the alarm in alarm, {@code null} when the sample says
	 * nothing about it (a limit or discrete alarm and a sample without a value).
	 * @param active whether the alarm is active now (the deadband applies to clearing)
	 */
	Boolean inAlarm(Sample sample, boolean active);

	static AlarmCondition read(AlarmType type, SettingsReader f) {
		return switch (type) {
			case HIHI, HI, LO, LOLO -> Limit.read(type, f);
			case DISCRETE -> Discrete.read(f);
			case BAD_QUALITY -> new BadQuality();
		};
	}

	/**
	 * An analog limit: a high alarm is raised above {@code limit} and clears at or below
	 * {@code limit - deadband}; a low alarm is raised below {@code limit} and clears at
	 * or above {@code limit + deadband}.
	 */
	record Limit(AlarmType type, double limit, double deadband) implements AlarmCondition {

		public Limit {
			Objects.requireNonNull(type, "type");
			if (!type.isLimit()) {
				throw new IllegalArgumentException(type + " is not a limit alarm");
			}
			if (!Double.isFinite(limit) || Math.abs(limit) > MAX_MAGNITUDE) {
				throw new IllegalArgumentException("limit must be a finite number");
			}
			if (!Double.isFinite(deadband) || deadband < 0 || deadband > MAX_MAGNITUDE) {
				throw new IllegalArgumentException("deadband must be zero or positive");
			}
		}

		static Limit read(AlarmType type, SettingsReader f) {
			Double limit = f.number("limit", null, -MAX_MAGNITUDE, MAX_MAGNITUDE);
			Double deadband = f.number("deadband", 0.0, 0, MAX_MAGNITUDE);
			return (limit != null && deadband != null) ? new Limit(type, limit, deadband) : null;
		}

		@Override
		public Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("limit", this.limit);
			map.put("deadband", this.deadband);
			return map;
		}

		@Override
		public Boolean inAlarm(Sample sample, boolean active) {
			if (!(sample.value() instanceof SampleValue.Numeric(double value)) || Quality.isBad(sample.quality())) {
				return null;
			}
			if (this.type.isHigh()) {
				return active ? value > this.limit - this.deadband : value > this.limit;
			}
			return active ? value < this.limit + this.deadband : value < this.limit;
		}

	}

	/**
	 * A discrete alarm: in alarm while the value equals {@code alarmValue}, a boolean (a
	 * BOOL channel's state), a number or a text.
	 */
	record Discrete(Object alarmValue) implements AlarmCondition {

		public Discrete {
			Objects.requireNonNull(alarmValue, "alarmValue");
			if (!(alarmValue instanceof Boolean || alarmValue instanceof Double d && Double.isFinite(d)
					|| alarmValue instanceof String s && !s.isEmpty() && s.length() <= 200)) {
				throw new IllegalArgumentException("alarmValue must be true, false, a finite number or a text");
			}
		}

		static Discrete read(SettingsReader f) {
			Object raw = f.raw("alarmValue");
			return switch (raw) {
				case null -> {
					f.reject("alarmValue", "is required");
					yield null;
				}
				case Boolean b -> new Discrete(b);
				case Number n -> f.guard("alarmValue", () -> new Discrete(n.doubleValue()));
				case String s -> f.guard("alarmValue", () -> new Discrete(s));
				default -> {
					f.reject("alarmValue", "must be true, false, a number or a text");
					yield null;
				}
			};
		}

		@Override
		public AlarmType type() {
			return AlarmType.DISCRETE;
		}

		@Override
		public Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("alarmValue", this.alarmValue);
			return map;
		}

		@Override
		public Boolean inAlarm(Sample sample, boolean active) {
			if (sample.value() == null || Quality.isBad(sample.quality())) {
				return null;
			}
			return switch (sample.value()) {
				case SampleValue.Bool(boolean b) -> (this.alarmValue instanceof Boolean expected) ? b == expected
						: this.alarmValue instanceof Double d && d == (b ? 1 : 0);
				case SampleValue.Numeric(double v) -> (this.alarmValue instanceof Double d) ? v == d
						: this.alarmValue instanceof Boolean expected && (v != 0) == expected;
				case SampleValue.Text(String text) -> text.equals(String.valueOf(this.alarmValue));
			};
		}

	}

	/** In alarm while the sample's quality is Bad. */
	record BadQuality() implements AlarmCondition {

		@Override
		public AlarmType type() {
			return AlarmType.BAD_QUALITY;
		}

		@Override
		public Map<String, Object> toMap() {
			return new LinkedHashMap<>();
		}

		@Override
		public Boolean inAlarm(Sample sample, boolean active) {
			return Quality.isBad(sample.quality());
		}

	}

}
