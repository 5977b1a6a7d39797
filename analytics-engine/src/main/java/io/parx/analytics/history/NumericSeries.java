package io.parx.analytics.history;

import java.util.Arrays;

/**
 * A series of numeric points in time order, in primitive arrays (a million points take 20
 * MB, not the 100 MB of boxed objects). Undefined values (bad quality, text) are NaN.
 */
public final class NumericSeries {

	private long[] times;

	private double[] values;

	private int[] qualities;

	private int size;

	public NumericSeries(int capacity) {
		int initial = Math.max(16, Math.min(capacity, 1 << 16));
		this.times = new long[initial];
		this.values = new double[initial];
		this.qualities = new int[initial];
	}

	public void add(long timeMicros, double value, int quality) {
		if (this.size == this.times.length) {
			int length = this.size * 2;
			this.times = Arrays.copyOf(this.times, length);
			this.values = Arrays.copyOf(this.values, length);
			this.qualities = Arrays.copyOf(this.qualities, length);
		}
		this.times[this.size] = timeMicros;
		this.values[this.size] = value;
		this.qualities[this.size] = quality;
		this.size++;
	}

	public int size() {
		return this.size;
	}

	public long time(int index) {
		return this.times[index];
	}

	public double value(int index) {
		return this.values[index];
	}

	public int quality(int index) {
		return this.qualities[index];
	}

}
