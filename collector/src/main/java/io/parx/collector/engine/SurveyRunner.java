package io.parx.collector.engine;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.parx.common.problem.ProblemException;
import io.parx.common.problem.ProblemType;
import io.parx.common.problem.Problems;

import org.springframework.http.HttpStatus;

/**
 * Runs the discoveries of one kind (issue #20: MQTT topics, Sparkplug B births, Modbus
 * registers) on threads of their own, a few at a time and each within a time limit: a
 * survey of a busy broker or a silent device never holds up the engines' polling or
 * intake, nor the API's request threads beyond its limit. A survey asked for while
 * {@code concurrency} are running is refused (429), not queued; a survey past its limit
 * counts until its thread has closed its connection.
 */
public final class SurveyRunner implements AutoCloseable {

	/** How long a refused caller is told to wait before asking again. */
	static final Duration RETRY_AFTER = Duration.ofSeconds(5);

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
	 * @throws ProblemException 429 when {@code concurrency} surveys are running, 504 past
	 * the limit, or whatever problem the survey throws
	 */
	public <T> T run(Duration limit, Callable<T> survey) {
		if (!this.running.tryAcquire()) {
			throw Problems.tooManyRequests(
					this.concurrency + " " + this.kind
							+ " discoveries are running, the most at one time; ask again when one has finished",
					RETRY_AFTER);
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
			throw timeout("the " + this.kind + " discovery did not finish within " + limit.toMillis() + " ms");
		}
		catch (InterruptedException ex) {
			thread.interrupt();
			Thread.currentThread().interrupt();
			throw timeout("the " + this.kind + " discovery was interrupted");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * 502 {@code /problems/discovery-failed}: the source refused or cannot be reached.
	 */
	public static ProblemException failed(String detail) {
		return Problems.of(ProblemType.DISCOVERY_FAILED, detail);
	}

	/** 504 {@code /problems/discovery-timeout}: the source did not answer in time. */
	public static ProblemException timeout(String detail) {
		return new ProblemException(Problems.detail(HttpStatus.GATEWAY_TIMEOUT, ProblemType.DISCOVERY_TIMEOUT, detail));
	}

	/** Interrupts the surveys still running: the service is stopping. */
	@Override
	public void close() {
		this.threads.forEach(Thread::interrupt);
	}

}
