package io.parx.bench.formula;

import java.util.concurrent.TimeUnit;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.parser.ParseException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.parx.common.formula.ChannelValues;
import io.parx.common.formula.Formula;
import io.parx.common.formula.FormulaEvaluator;

/**
 * The ParX formula compiler against EvalEx 3 (the maintained library issue 7 asks us to
 * prefer) on the same trigger-style formula, parsed once and evaluated with changing
 * inputs: the measurement behind the choice in docs/PERFORMANCE.md. Run with
 * {@code scripts/bench.sh jmh FormulaBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class FormulaBenchmark {

	static final String PARX_TEXT = "if(temp > 80 && pressure < 2, temp * 1.8 + 32, 0)";

	static final String EVALEX_TEXT = "IF(temp > 80 && pressure < 2, temp * 1.8 + 32, 0)";

	private static final int INPUTS = 1024;

	private final double[] temps = new double[INPUTS];

	private final double[] pressures = new double[INPUTS];

	private FormulaEvaluator parx;

	private Expression evalex;

	private int next;

	@Setup
	public void setUp() throws EvaluationException, ParseException {
		for (int i = 0; i < INPUTS; i++) {
			this.temps[i] = 60 + (i * 37 % 41);
			this.pressures[i] = (i * 13 % 30) / 10.0;
		}
		this.parx = Formula.parse(PARX_TEXT).evaluator();
		this.evalex = new Expression(EVALEX_TEXT);
		this.evalex.validate();
	}

	@Benchmark
	public double parxEvaluate() {
		int i = this.next++ & (INPUTS - 1);
		double temp = this.temps[i];
		double pressure = this.pressures[i];
		return this.parx.evaluate(i, (index) -> (index == 0) ? temp : pressure);
	}

	@Benchmark
	public Object evalexEvaluate() throws EvaluationException, ParseException {
		int i = this.next++ & (INPUTS - 1);
		return this.evalex.with("temp", this.temps[i]).and("pressure", this.pressures[i]).evaluate().getValue();
	}

	@Benchmark
	public Object parxParse() {
		return Formula.parse(PARX_TEXT);
	}

	@Benchmark
	public Object evalexParse() throws ParseException {
		Expression expression = new Expression(EVALEX_TEXT);
		return expression.getAbstractSyntaxTree();
	}

	/** Sanity check that both engines agree before timing them. */
	public static void main(String[] args) throws Exception {
		FormulaBenchmark benchmark = new FormulaBenchmark();
		benchmark.setUp();
		for (int i = 0; i < INPUTS; i++) {
			double temp = benchmark.temps[i];
			double pressure = benchmark.pressures[i];
			double parx = Formula.parse(PARX_TEXT).evaluate(ChannelValues.of(temp, pressure));
			double evalex = new Expression(EVALEX_TEXT).with("temp", temp)
				.and("pressure", pressure)
				.evaluate()
				.getNumberValue()
				.doubleValue();
			if (Math.abs(parx - evalex) > 1e-9) {
				throw new IllegalStateException("engines disagree at " + temp + ", " + pressure);
			}
		}
		System.out.println("ParX and EvalEx agree on " + INPUTS + " inputs");
	}

}
