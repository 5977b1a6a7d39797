package io.parx.collector.discovery;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.parx.common.problem.ProblemException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs every kind of discovery on a small executor of its own, time-limited: a browse of
 * a huge address space or a listen on a busy broker never takes a thread from polling or
 * from the HTTP server beyond its limit, and too many at once are refused (503) instead
 * of queueing without end. A task answers its own failures as {@link DiscoveryProblems};
 * one still running at its limit is interrupted and answered 504.
 */
@Component
public class DiscoveryRunner implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DiscoveryRunner.class);

	/** What a task may take beyond its limit to answer its own timeout first. */
	private static final Duration GRACE = Duration.ofMillis(500);

	private final DiscoverySettings settings;

	private final ThreadPoolExecutor executor;

	public DiscoveryRunner(DiscoverySettings settings) {
		this.settings = settings;
		BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(settings.queueCapacity());
		this.executor = new ThreadPoolExecutor(settings.threads(), settings.threads(), 30, TimeUnit.SECONDS, queue,
				Thread.ofPlatform().name("discovery-", 1).daemon(true).factory(), new ThreadPoolExecutor.AbortPolicy());
		this.executor.allowCoreThreadTimeOut(true);
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
		Future<T> future;
		try {
			future = this.executor.submit(() -> task.run(deadline));
		}
		catch (RejectedExecutionException ex) {
			throw DiscoveryProblems.busy(this.executor.getActiveCount());
		}
		try {
			return future.get(limit.plus(GRACE).toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw DiscoveryProblems.timeout(target, limit);
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw DiscoveryProblems.timeout(target, limit);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof ProblemException problem) {
				throw problem;
			}
			if (cause instanceof TimeoutException) {
				throw DiscoveryProblems.timeout(target, limit);
			}
			log.warn("Discovery of {} failed", target, cause);
			throw DiscoveryProblems.failed(target + ": " + cause.getClass().getSimpleName()
					+ ((cause.getMessage() != null) ? ": " + cause.getMessage() : ""));
		}
	}

	/** Discoveries waiting for a thread. */
	int queued() {
		return this.executor.getQueue().size();
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	/** One discovery, done by its deadline. */
	@FunctionalInterface
	public interface Task<T> {

		T run(Deadline deadline) throws Exception;

	}

}
