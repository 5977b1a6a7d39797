package io.parx.collector.discovery;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.parx.common.problem.ProblemException;

/**
 * Runs the discoveries of one kind (issue #20: MQTT topics, Sparkplug B births, Modbus
 * registers) on threads of their own, a few at a time and each within a time limit: a
 * survey of a busy broker or a silent device never holds up the engines' polling or
 * intake, nor the API's request threads beyond its limit. A survey asked for while
 * {@code concurrency} are running is refused (503 {@code /problems/discovery-busy}), not
 * queued; a survey past its limit counts until its thread has closed its connection.
 */
public final class SurveyRunner implements AutoCloseable {

	private final String kind;

	private final int concurrency;

	private final Semaphore running;

	private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

	/**
	 * @param kind what is surveyed, e.g. {@code mqtt-topics}; names the threads and the
	 * refusal
	 * @param concurrency how many surveys of the kind may run at once
	 */
	public SurveyRunner(String kind, int concurrency) {
		this.kind = kind;
		this.concurrency = concurrency;
		this.running = new Semaphore(concurrency);
	}

	/**
	 * Runs a survey on a thread of its own and waits for it at most {@code limit}; past
	 * it the survey is interrupted (it closes its connection in its own time) and the
	 * caller gets a 504.
	 * @throws ProblemException 503 when {@code concurrency} surveys are running, 504 past
	 * the limit, or whatever problem the survey throws
	 */
	public <T> T run(Duration limit, Callable<T> survey) {
		return run(limit, survey, () -> DiscoveryProblems
			.timedOut("the " + this.kind + " discovery did not finish within " + limit.toMillis() + " ms"));
	}

	/**
	 * Like {@link #run(Duration, Callable)}, answering {@code timedOut} past the limit.
	 */
	public <T> T run(Duration limit, Callable<T> survey, Supplier<ProblemException> timedOut) {
		if (!this.running.tryAcquire()) {
			throw DiscoveryProblems.busy(this.concurrency + " " + this.kind
					+ " discoveries are running, the most at one time; ask again when one has finished");
		}
		CompletableFuture<T> result = new CompletableFuture<>();
		Thread thread = Thread.ofVirtual().name("survey-" + this.kind).unstarted(() -> {
			T value = null;
			Throwable failure = null;
			try {
				value = survey.call();
			}
			catch (Throwable ex) {
				failure = ex;
			}
			finally {
				// free before answering, so the caller's next survey finds its place
				this.threads.remove(Thread.currentThread());
				this.running.release();
			}
			if (failure != null) {
				result.completeExceptionally(failure);
			}
			else {
				result.complete(value);
			}
		});
		this.threads.add(thread);
		thread.start();
		try {
			return result.get(limit.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			thread.interrupt();
			throw timedOut.get();
		}
		catch (InterruptedException ex) {
			thread.interrupt();
			Thread.currentThread().interrupt();
			throw DiscoveryProblems.timedOut("the " + this.kind + " discovery was interrupted");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** Interrupts the surveys still running: the service is stopping. */
	@Override
	public void close() {
		this.threads.forEach(Thread::interrupt);
	}

}
