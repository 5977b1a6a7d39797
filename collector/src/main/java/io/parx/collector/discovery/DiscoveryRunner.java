package io.parx.collector.discovery;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.parx.common.problem.ProblemException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the OPC UA discoveries (browse, search) a few at a time, each time-limited, on the
 * same {@link SurveyRunner} as every other kind of discovery: a browse of a huge address
 * space never takes a thread from polling or from the HTTP server beyond its limit, and
 * one more than {@code threads} at once is refused (503 {@code /problems/discovery-busy})
 * instead of queueing. A task answers its own failures as {@link DiscoveryProblems}; one
 * still running at its limit is interrupted and answered 504.
 */
@Component
public class DiscoveryRunner implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DiscoveryRunner.class);

	/** What a task may take beyond its limit to answer its own timeout first. */
	private static final Duration GRACE = Duration.ofMillis(500);

	private final DiscoverySettings settings;

	private final SurveyRunner runner;

	public DiscoveryRunner(DiscoverySettings settings) {
		this.settings = settings;
		this.runner = new SurveyRunner("opcua", settings.threads());
	}

	/** The time limit for a request's {@code timeoutMs}. */
	public Duration limit(Integer timeoutMs) {
		return this.settings.limit(timeoutMs);
	}

	/**
	 * Runs a discovery and waits for its answer.
	 * @param target what is discovered, for messages (an endpoint or broker URL)
	 * @param limit its time limit; the task gets the deadline
	 * @return the task's answer
	 * @throws ProblemException the task's own problem, 504 at the limit, 503 when busy
	 */
	public <T> T run(String target, Duration limit, Task<T> task) {
		Deadline deadline = Deadline.in(limit);
		return this.runner.run(limit.plus(GRACE), () -> {
			try {
				return task.run(deadline);
			}
			catch (ProblemException ex) {
				throw ex;
			}
			catch (TimeoutException | InterruptedException ex) {
				throw DiscoveryProblems.timeout(target, limit);
			}
			catch (Exception ex) {
				log.warn("Discovery of {} failed", target, ex);
				throw DiscoveryProblems.failed(target + ": " + ex.getClass().getSimpleName()
						+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
			}
		}, () -> DiscoveryProblems.timeout(target, limit));
	}

	@Override
	public void destroy() {
		this.runner.close();
	}

	/** One discovery, done by its deadline. */
	@FunctionalInterface
	public interface Task<T> {

		T run(Deadline deadline) throws Exception;

	}

}
