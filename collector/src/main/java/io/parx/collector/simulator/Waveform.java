package io.parx.collector.simulator;

/** The simulator's signal shapes (config schema V1, SIMULATOR settings). */
enum Waveform {

	SINE, RAMP, SQUARE, RANDOM_WALK, COUNTER

}
