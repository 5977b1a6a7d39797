package io.parx.admin.channels;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A generated signal for demonstrations and tests.
 *
 * @param waveform the shape
 * @param amplitude peak deviation from {@code offset}
 * @param periodMs length of one cycle
 * @param offset centre value
 */
public record SimulatorSettings(Waveform waveform, double amplitude, long periodMs,
		double offset) implements ProtocolSettings {

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

	static SimulatorSettings read(Fields f) {
		Waveform waveform = f.choice("waveform", Waveform.class, null);
		Double amplitude = f.number("amplitude", 1.0, 0, Double.MAX_VALUE);
		Long periodMs = f.longValue("periodMs", 60_000L, 1, 86_400_000L);
		Double offset = f.number("offset", 0.0, -Double.MAX_VALUE, Double.MAX_VALUE);
		if (waveform == null || amplitude == null || periodMs == null || offset == null) {
			return null;
		}
		return new SimulatorSettings(waveform, amplitude, periodMs, offset);
	}

	public enum Waveform {

		SINE, RAMP, SQUARE, RANDOM_WALK, COUNTER

	}

}
