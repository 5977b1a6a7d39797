package io.parx.analytics.query;

import io.parx.analytics.history.NumericSeries;

/**
 * Chart downsampling of a numeric series to at most {@code threshold} points. Undefined
 * (NaN) points are skipped.
 */
final class Downsampler {

	private Downsampler() {
	}

	static NumericSeries apply(Downsample mode, NumericSeries input, int threshold) {
		NumericSeries defined = new NumericSeries(input.size());
		for (int i = 0; i < input.size(); i++) {
			if (!Double.isNaN(input.value(i))) {
				defined.add(input.time(i), input.value(i), input.quality(i));
			}
		}
		if (defined.size() <= threshold || mode == Downsample.NONE) {
			return defined;
		}
		return (mode == Downsample.LTTB) ? lttb(defined, Math.max(3, threshold))
				: minMax(defined, Math.max(2, threshold));
	}

	/**
	 * Largest-Triangle-Three-Buckets (Sveinn Steinarsson, "Downsampling Time Series for
	 * Visual Representation", 2013, algorithm 4.2): keeps the first and last point and,
	 * per bucket, the point forming the largest triangle with the previously kept point
	 * and the average of the next bucket.
	 */
	static NumericSeries lttb(NumericSeries data, int threshold) {
		NumericSeries sampled = new NumericSeries(threshold);
		int size = data.size();
		double every = (double) (size - 2) / (threshold - 2);
		int a = 0;
		sampled.add(data.time(0), data.value(0), data.quality(0));
		for (int i = 0; i < threshold - 2; i++) {
			int avgStart = (int) Math.floor((i + 1) * every) + 1;
			int avgEnd = Math.min((int) Math.floor((i + 2) * every) + 1, size);
			double avgX = 0;
			double avgY = 0;
			for (int j = avgStart; j < avgEnd; j++) {
				avgX += data.time(j);
				avgY += data.value(j);
			}
			int avgLength = avgEnd - avgStart;
			avgX /= avgLength;
			avgY /= avgLength;
			int rangeStart = (int) Math.floor(i * every) + 1;
			int rangeEnd = (int) Math.floor((i + 1) * every) + 1;
			double ax = data.time(a);
			double ay = data.value(a);
			double maxArea = -1;
			int chosen = rangeStart;
			for (int j = rangeStart; j < rangeEnd; j++) {
				double area = Math.abs((ax - avgX) * (data.value(j) - ay) - (ax - data.time(j)) * (avgY - ay));
				if (area > maxArea) {
					maxArea = area;
					chosen = j;
				}
			}
			sampled.add(data.time(chosen), data.value(chosen), data.quality(chosen));
			a = chosen;
		}
		sampled.add(data.time(size - 1), data.value(size - 1), data.quality(size - 1));
		return sampled;
	}

	/** Per bucket of equal point count, its minimum and maximum in time order. */
	static NumericSeries minMax(NumericSeries data, int threshold) {
		int buckets = threshold / 2;
		NumericSeries sampled = new NumericSeries(threshold);
		double every = (double) data.size() / buckets;
		for (int b = 0; b < buckets; b++) {
			int start = (int) Math.floor(b * every);
			int end = Math.min((int) Math.floor((b + 1) * every), data.size());
			if (start >= end) {
				continue;
			}
			int low = start;
			int high = start;
			for (int j = start; j < end; j++) {
				if (data.value(j) < data.value(low)) {
					low = j;
				}
				if (data.value(j) > data.value(high)) {
					high = j;
				}
			}
			int first = Math.min(low, high);
			int second = Math.max(low, high);
			sampled.add(data.time(first), data.value(first), data.quality(first));
			if (second != first) {
				sampled.add(data.time(second), data.value(second), data.quality(second));
			}
		}
		return sampled;
	}

}
