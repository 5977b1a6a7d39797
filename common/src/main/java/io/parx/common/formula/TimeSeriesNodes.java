package io.parx.common.formula;

/**
 * The stateful time-series functions. The evaluator updates every one of them at each
 * evaluation time, innermost first, before computing the formula, so their state is
 * continuous even inside an {@code if} branch that is not taken. Undefined (NaN) input
 * values are skipped: rate and integral use the previous defined value.
 */
final class TimeSeriesNodes {

	private static final double MICROS_PER_SECOND = 1_000_000.0;

	private TimeSeriesNodes() {
	}

	abstract static class Stateful extends Node {

		final Node input;

		double current = Double.NaN;

		Stateful(Node input) {
			this.input = input;
		}

		abstract void update(long timeMicros, ChannelValues values);

		@Override
		final double eval(ChannelValues values) {
			return this.current;
		}

	}

	/** {@code avg(x, seconds)}: mean of the defined values in (t - window, t]. */
	static final class MovingAverage extends Stateful {

		private final long windowMicros;

		private final Window window;

		private double sum;

		MovingAverage(Node input, long windowMicros, int maxSamples) {
			super(input);
			this.windowMicros = windowMicros;
			this.window = new Window(maxSamples);
		}

		@Override
		void update(long timeMicros, ChannelValues values) {
			double value = this.input.eval(values);
			if (!Double.isNaN(value)) {
				if (this.window.isFull()) {
					this.sum -= this.window.firstValue();
					this.window.removeFirst();
				}
				this.window.add(timeMicros, value);
				this.sum += value;
			}
			while (!this.window.isEmpty() && this.window.firstTime() <= timeMicros - this.windowMicros) {
				this.sum -= this.window.firstValue();
				this.window.removeFirst();
			}
			if (this.window.isEmpty()) {
				// Start afresh so rounding errors of the running sum never accumulate.
				this.sum = 0;
				this.current = Double.NaN;
			}
			else {
				this.current = this.sum / this.window.size();
			}
		}

	}

	/** {@code rate(x)}: change per second against the previous defined value. */
	static final class Rate extends Stateful {

		private long previousTime;

		private double previousValue = Double.NaN;

		Rate(Node input) {
			super(input);
		}

		@Override
		void update(long timeMicros, ChannelValues values) {
			double value = this.input.eval(values);
			if (Double.isNaN(value)) {
				this.current = Double.NaN;
				return;
			}
			if (!Double.isNaN(this.previousValue)) {
				if (timeMicros == this.previousTime) {
					return;
				}
				this.current = (value - this.previousValue) / ((timeMicros - this.previousTime) / MICROS_PER_SECOND);
			}
			this.previousTime = timeMicros;
			this.previousValue = value;
		}

	}

	/** {@code integral(x)}: trapezoidal integral over seconds, starting at 0. */
	static final class Integral extends Stateful {

		private long previousTime;

		private double previousValue = Double.NaN;

		private double total;

		Integral(Node input) {
			super(input);
			this.current = 0;
		}

		@Override
		void update(long timeMicros, ChannelValues values) {
			double value = this.input.eval(values);
			if (Double.isNaN(value)) {
				return;
			}
			if (!Double.isNaN(this.previousValue)) {
				this.total += (this.previousValue + value) / 2 * ((timeMicros - this.previousTime) / MICROS_PER_SECOND);
			}
			this.previousTime = timeMicros;
			this.previousValue = value;
			this.current = this.total;
		}

	}

	/** {@code delay(x, seconds)}: the last value of x at or before t - delay. */
	static final class Delay extends Stateful {

		private final long delayMicros;

		private final Window window;

		Delay(Node input, long delayMicros, int maxSamples) {
			super(input);
			this.delayMicros = delayMicros;
			this.window = new Window(maxSamples);
		}

		@Override
		void update(long timeMicros, ChannelValues values) {
			if (this.window.isFull()) {
				this.window.removeFirst();
			}
			this.window.add(timeMicros, this.input.eval(values));
			long target = timeMicros - this.delayMicros;
			while (this.window.size() > 1 && this.window.secondTime() <= target) {
				this.window.removeFirst();
			}
			this.current = (this.window.firstTime() <= target) ? this.window.firstValue() : Double.NaN;
		}

	}

	/** A growable ring buffer of (time, value) pairs with a hard capacity. */
	static final class Window {

		private final int capacity;

		private long[] times = new long[16];

		private double[] values = new double[16];

		private int head;

		private int size;

		Window(int capacity) {
			this.capacity = capacity;
		}

		boolean isEmpty() {
			return this.size == 0;
		}

		boolean isFull() {
			return this.size >= this.capacity;
		}

		int size() {
			return this.size;
		}

		long firstTime() {
			return this.times[this.head];
		}

		long secondTime() {
			return this.times[(this.head + 1) % this.times.length];
		}

		double firstValue() {
			return this.values[this.head];
		}

		void removeFirst() {
			this.head = (this.head + 1) % this.times.length;
			this.size--;
		}

		void add(long time, double value) {
			if (this.size == this.times.length) {
				grow();
			}
			int tail = (this.head + this.size) % this.times.length;
			this.times[tail] = time;
			this.values[tail] = value;
			this.size++;
		}

		private void grow() {
			int length = this.times.length;
			long[] times = new long[length * 2];
			double[] values = new double[length * 2];
			for (int i = 0; i < this.size; i++) {
				times[i] = this.times[(this.head + i) % length];
				values[i] = this.values[(this.head + i) % length];
			}
			this.times = times;
			this.values = values;
			this.head = 0;
		}

	}

}
