package io.parx.router.live;

import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;

/**
 * A sample on its way to the sessions, with its JSON form computed once however many
 * sessions receive it. Computed eagerly, on the thread that creates it (the Redis
 * listener for live samples): computed lazily, the senders of the sessions that share a
 * sample raced to build it, each its own copy.
 *
 * <p>
 * Wire form:
 * {@code {"channelId":42,"time":"2026-11-27T15:00:00.123456Z","value":21.5,"quality":0}}.
 * {@code value} is a number, boolean or string and is absent when the reading failed;
 * {@code quality} is the OPC UA StatusCode as an unsigned number (OPC UA Part 4 §7.39).
 * Non-finite numbers, which JSON cannot carry, travel as the strings {@code "NaN"},
 * {@code "Infinity"} and {@code "-Infinity"}.
 */
public final class LiveSample {

	private final Sample sample;

	private final long receivedNanos;

	private final String json;

	public LiveSample(Sample sample, long receivedNanos) {
		this.sample = sample;
		this.receivedNanos = receivedNanos;
		this.json = toJson(sample);
	}

	public Sample sample() {
		return this.sample;
	}

	public long channelId() {
		return this.sample.channelId();
	}

	/** When the router received it ({@link System#nanoTime()}), for latency metrics. */
	public long receivedNanos() {
		return this.receivedNanos;
	}

	public String json() {
		return this.json;
	}

	static String toJson(Sample sample) {
		// Room for the longest usual form (a 17-digit double), so the builder never
		// grows.
		StringBuilder out = new StringBuilder(128);
		out.append("{\"channelId\":")
			.append(sample.channelId())
			.append(",\"time\":\"")
			.append(sample.time())
			.append('"');
		switch (sample.value()) {
			case null -> {
			}
			case SampleValue.Numeric numeric -> {
				double v = numeric.value();
				out.append(",\"value\":");
				if (Double.isFinite(v)) {
					if (v == Math.rint(v) && Math.abs(v) < 1e15) {
						out.append((long) v);
					}
					else {
						out.append(v);
					}
				}
				else {
					JsonAppender.string(out, Double.toString(v));
				}
			}
			case SampleValue.Bool bool -> out.append(",\"value\":").append(bool.value());
			case SampleValue.Text text -> JsonAppender.string(out.append(",\"value\":"), text.value());
		}
		return out.append(",\"quality\":").append(Integer.toUnsignedLong(sample.quality())).append('}').toString();
	}

}
