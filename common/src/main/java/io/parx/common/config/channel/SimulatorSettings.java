package io.parx.common.config.channel;

import java.util.LinkedHashMap;
import java.util.Map;

import io.parx.common.config.DataType;
import io.parx.common.config.SettingsReader;

/**
 * A generated signal for demonstrations and tests.
 *
 * @param waveform the shape, SINE by default
 * @param amplitude peak deviation from {@code offset}
 * @param periodMs length of one cycle
 * @param offset centre value
 */
public record SimulatorSettings(Waveform waveform, double amplitude, long periodMs,
		double offset) implements ChannelSettings {

	public static final Waveform DEFAULT_WAVEFORM = Waveform.SINE;

	public static final double DEFAULT_AMPLITUDE = 1.0;

	public static final long DEFAULT_PERIOD_MS = 60_000;

	public static final double DEFAULT_OFFSET = 0.0;

	public SimulatorSettings {
		if (waveform == null) {
			throw new IllegalArgumentException("waveform is required");
		}
		if (!(amplitude >= 0) || Double.isInfinite(amplitude) || !Double.isFinite(offset)) {
			throw new IllegalArgumentException("amplitude must be finite and not negative, offset finite");
		}
		if (periodMs < 1 || periodMs > 86_400_000L) {
			throw new IllegalArgumentException("periodMs must be between 1 and 86400000");
		}
	}

	/**
	 * Reads a stored document.
	 * @throws io.parx.common.config.InvalidSettingsException naming every bad field
	 */
	public static SimulatorSettings fromJson(Map<String, ?> json) {
		return (SimulatorSettings) ChannelSettings.fromJson(Protocol.SIMULATOR, DataType.FLOAT64, json);
	}

	@Override
	public Protocol protocol() {
		return Protocol.SIMULATOR;
	}

	@Override
	public String device() {
		return "simulator";
	}

	@Override
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("waveform", this.waveform.name());
		map.put("amplitude", this.amplitude);
		map.put("periodMs", this.periodMs);
		map.put("offset", this.offset);
		return map;
	}

	static SimulatorSettings read(SettingsReader f) {
		Waveform waveform = f.choice("waveform", Waveform.class, DEFAULT_WAVEFORM);
		Double amplitude = f.number("amplitude", DEFAULT_AMPLITUDE, 0, Double.MAX_VALUE);
		Long periodMs = f.longValue("periodMs", DEFAULT_PERIOD_MS, 1, 86_400_000L);
		Double offset = f.number("offset", DEFAULT_OFFSET, -Double.MAX_VALUE, Double.MAX_VALUE);
		if (waveform == null || amplitude == null || periodMs == null || offset == null) {
			return null;
		}
		return new SimulatorSettings(waveform, amplitude, periodMs, offset);
	}

	public enum Waveform {

		SINE, RAMP, SQUARE, RANDOM_WALK, COUNTER

	}

}
