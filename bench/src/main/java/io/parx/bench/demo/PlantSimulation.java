package io.parx.bench.demo;

import java.time.Duration;
import java.time.Instant;

/**
 * The simulated process of the demo plant: a furnace, a strip line, the coil being
 * produced and an over-temperature alarm. Pure and deterministic in time, so every device
 * (Modbus, OPC UA, MQTT) serves the same values at the same moment.
 *
 * @param coilPeriod how long one coil takes; the coil id changes at every period
 */
public record PlantSimulation(Duration coilPeriod) {

	/** Furnace set point in °C. */
	public static final double FURNACE_SETPOINT = 850.0;

	/** Alarm threshold in °C. */
	public static final double ALARM_THRESHOLD = 870.0;

	/** The first coil id; later coils count up from it. */
	public static final int FIRST_COIL = 100_001;

	public PlantSimulation {
		if (coilPeriod.isZero() || coilPeriod.isNegative()) {
			throw new IllegalArgumentException("coilPeriod must be positive");
		}
	}

	/** The plant's values at one instant. */
	public State at(Instant time) {
		double seconds = time.toEpochMilli() / 1000.0;
		// a slow 10-minute swing of +-25 °C plus a faster 40 s ripple of +-3 °C
		double furnace = FURNACE_SETPOINT + 25 * Math.sin(2 * Math.PI * seconds / 600)
				+ 3 * Math.sin(2 * Math.PI * seconds / 40);
		furnace = Math.round(furnace * 10) / 10.0;
		// the line slows down at the start of each coil (threading) and runs at 2.5 m/s
		// otherwise
		long periodMs = this.coilPeriod.toMillis();
		long intoCoil = Math.floorMod(time.toEpochMilli(), periodMs);
		double speed = (intoCoil < periodMs / 10) ? 0.5 : 2.5 + 0.1 * Math.sin(2 * Math.PI * seconds / 30);
		speed = Math.round(speed * 100) / 100.0;
		int coil = FIRST_COIL + (int) Math.floorMod(Math.floorDiv(time.toEpochMilli(), periodMs), 100_000L);
		return new State(time, furnace, speed, coil, furnace > ALARM_THRESHOLD);
	}

	/**
	 * One moment of the plant.
	 *
	 * @param time when
	 * @param furnaceTemperature °C
	 * @param lineSpeed m/s
	 * @param coilNumber the numeric coil id
	 * @param alarm furnace over temperature
	 */
	public record State(Instant time, double furnaceTemperature, double lineSpeed, int coilNumber, boolean alarm) {

		/**
		 * The same moment with the furnace at another temperature, and the alarm bit
		 * following it.
		 */
		public State withFurnaceTemperature(double temperature) {
			return new State(this.time, temperature, this.lineSpeed, this.coilNumber, temperature > ALARM_THRESHOLD);
		}

		/** The coil id as text, e.g. {@code C100001}. */
		public String coilId() {
			return "C" + this.coilNumber;
		}

	}

}
