package io.parx.collector.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.parx.common.sample.Quality;

/**
 * A channel test that answers within its timeout whatever the engine does: each engine
 * bounds its own steps, this bounds what they do not see (a protocol client's first
 * start, a library that blocks longer than asked).
 */
public final class BoundedRead {

	/**
	 * Time granted beyond the timeout for the engine to report the device's own error.
	 */
	static final Duration MARGIN = Duration.ofMillis(300);

	private BoundedRead() {
	}

	public static ReadResult readOnce(ProtocolEngine engine, ChannelConfig channel, Duration timeout) {
		long start = System.nanoTime();
		CompletableFuture<ReadResult> result = new CompletableFuture<>();
		Thread.ofVirtual().name("channel-test-" + channel.protocol()).start(() -> {
			try {
				result.complete(engine.readOnce(channel, timeout));
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		});
		try {
			return result.get(timeout.plus(MARGIN).toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			// the engine's thread ends on its own: each engine bounds its device I/O
			return ReadResult.failed(Quality.BAD_TIMEOUT, elapsed(start),
					"no answer from the device within " + timeout.toMillis() + " ms");
		}
		catch (ExecutionException ex) {
			return ReadResult.failed(Quality.BAD_COMMUNICATION_ERROR, elapsed(start),
					String.valueOf(ex.getCause().getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ReadResult.failed(Quality.BAD_TIMEOUT, elapsed(start), "interrupted");
		}
	}

	private static long elapsed(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
