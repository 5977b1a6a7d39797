package io.parx.collector.simulator;

import java.util.concurrent.ThreadLocalRandom;

import io.parx.collector.engine.ChannelConfig;
import io.parx.common.config.channel.SimulatorSettings.Waveform;
import io.parx.common.config.channel.SimulatorSettings;
import io.parx.common.sample.SampleValue;

/**
 * One simulated signal, its settings read with the contract ({@link SimulatorSettings}).
 * Keeps the state of the random walk and the counter; not thread-safe (one timebase
 * thread reads it).
 */
final class SimulatedChannel {

	private final ChannelConfig config;

	private final Waveform waveform;

	private final double amplitude;

	private final double periodMs;

	private final double base;

	private double state;

	SimulatedChannel(ChannelConfig config) {
		this.config = config;
		SimulatorSettings settings = SimulatorSettings.fromJson(config.settingsMap());
		this.waveform = settings.waveform();
		this.amplitude = settings.amplitude();
		this.periodMs = settings.periodMs();
		this.base = settings.offset();
		this.state = this.base;
	}

	ChannelConfig config() {
		return this.config;
	}

	/** The value at wall-clock time {@code millis}, with scale and offset applied. */
	SampleValue valueAt(long millis) {
		double phase = (millis % (long) this.periodMs) / this.periodMs;
		double raw = switch (this.waveform) {
			case SINE -> this.base + this.amplitude * Math.sin(2 * Math.PI * phase);
			case RAMP -> this.base + this.amplitude * phase;
			case SQUARE -> this.base + ((phase < 0.5) ? this.amplitude : -this.amplitude);
			case RANDOM_WALK -> {
				this.state += this.amplitude * 0.05 * ThreadLocalRandom.current().nextGaussian();
				yield this.state;
			}
			case COUNTER -> {
				double value = this.state;
				this.state = (this.amplitude > 0 && this.state + 1 > this.base + this.amplitude) ? this.base
						: this.state + 1;
				yield value;
			}
		};
		return switch (this.config.dataType()) {
			case BOOL -> SampleValue.of(raw > this.base);
			case STRING -> SampleValue.of(Double.toString(this.config.scaled(raw)));
			case FLOAT32, FLOAT64 -> SampleValue.of(this.config.scaled(raw));
			case INT16, UINT16, INT32, UINT32, INT64 -> SampleValue.of(this.config.scaled(Math.rint(raw)));
		};
	}

}
