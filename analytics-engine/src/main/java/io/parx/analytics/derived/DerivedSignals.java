package io.parx.analytics.derived;

import java.time.Instant;

import org.springframework.stereotype.Component;

import io.parx.analytics.history.NumericSeries;
import io.parx.common.problem.Problems;

/** Saved derived signals, evaluated like channels by the query and export features. */
@Component
public class DerivedSignals {

	private final DerivedSignalRepository repository;

	private final FormulaRunner runner;

	DerivedSignals(DerivedSignalRepository repository, FormulaRunner runner) {
		this.repository = repository;
		this.runner = runner;
	}

	public record Evaluated(DerivedSignal signal, NumericSeries points) {
	}

	public DerivedSignal require(long id) {
		return this.repository.find(id).orElseThrow(() -> Problems.notFound("derived signal", id));
	}

	public Evaluated evaluate(long id, Instant from, Instant to, long stepMicros, int maxPoints) {
		DerivedSignal signal = require(id);
		FormulaRunner.Resolved resolved = this.runner.resolve(signal.formula());
		return new Evaluated(signal, this.runner.run(resolved, from, to, stepMicros, maxPoints));
	}

}
