package io.parx.analytics.derived;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.parx.analytics.channels.ChannelDirectory;
import io.parx.analytics.history.Micros;
import io.parx.analytics.history.NumericSeries;
import io.parx.analytics.history.SampleReader;
import io.parx.analytics.system.AnalyticsSettings;
import io.parx.common.problem.Problems;
import io.parx.common.formula.ChannelRef;
import io.parx.common.formula.Formula;
import io.parx.common.formula.FormulaEvaluator;

/**
 * Evaluates a formula over a time grid. Channels sampled at different times are aligned
 * onto the grid with their previous value (the last sample at or before each grid time,
 * including the last one before the range), then the formula's evaluator walks the grid
 * in time order so its time-series functions see a regular series.
 */
@Component
public class FormulaRunner {

	private final SampleReader samples;

	private final ChannelDirectory channels;

	private final AnalyticsSettings settings;

	public FormulaRunner(SampleReader samples, ChannelDirectory channels, AnalyticsSettings settings) {
		this.samples = samples;
		this.channels = channels;
		this.settings = settings;
	}

	/** A formula's channel references resolved to ids, in reference order. */
	public record Resolved(Formula formula, List<Long> channelIds) {
	}

	/**
	 * Parses and resolves; 400 for syntax errors (with position) and unknown channels.
	 */
	public Resolved resolve(String text) {
		if (text == null) {
			throw Problems.validation("formula", "is required");
		}
		Formula formula = Formula.parse(text);
		List<String> names = formula.channelReferences()
			.stream()
			.filter(ChannelRef.ByName.class::isInstance)
			.map((ref) -> ((ChannelRef.ByName) ref).name())
			.toList();
		Map<String, Long> ids = this.channels.idsByName(names);
		List<Long> resolved = new ArrayList<>();
		for (ChannelRef ref : formula.channelReferences()) {
			switch (ref) {
				case ChannelRef.ById byId -> resolved.add(byId.id());
				case ChannelRef.ByName byName -> {
					Long id = ids.get(byName.name());
					if (id == null) {
						throw Problems.validation("formula", "unknown channel " + ref);
					}
					resolved.add(id);
				}
			}
		}
		this.channels.require(resolved.stream().distinct().toList());
		return new Resolved(formula, resolved);
	}

	/**
	 * The formula's values at {@code from, from + step, ...} before {@code to}; NaN where
	 * undefined.
	 */
	public NumericSeries run(Resolved resolved, Instant from, Instant to, long stepMicros, int maxPoints) {
		long start = Micros.of(from);
		long end = Micros.of(to);
		long points = Math.ceilDiv(end - start, stepMicros);
		if (points > maxPoints) {
			throw Problems.tooLarge(points + " grid points exceed maxPoints " + maxPoints,
					"use a larger step or a shorter range");
		}
		int channels = resolved.channelIds().size();
		NumericSeries[] inputs = new NumericSeries[channels];
		int[] cursor = new int[channels];
		double[] current = new double[channels];
		for (int i = 0; i < channels; i++) {
			long id = resolved.channelIds().get(i);
			NumericSeries before = this.samples.before(id, from);
			current[i] = (before.size() > 0) ? before.value(0) : Double.NaN;
			inputs[i] = this.samples.numeric(id, from, to, this.settings.maxRawPoints());
		}
		FormulaEvaluator evaluator = resolved.formula().evaluator();
		NumericSeries result = new NumericSeries((int) points);
		for (long time = start; time < end; time += stepMicros) {
			for (int i = 0; i < channels; i++) {
				NumericSeries input = inputs[i];
				while (cursor[i] < input.size() && input.time(cursor[i]) <= time) {
					current[i] = input.value(cursor[i]++);
				}
			}
			result.add(time, evaluator.evaluate(time, (index) -> current[index]), 0);
		}
		return result;
	}

}
