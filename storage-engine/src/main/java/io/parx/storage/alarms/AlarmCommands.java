package io.parx.storage.alarms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.springframework.web.ErrorResponseException;

/**
 * The hand-over of {@link AlarmCommand}s from request threads to the ingest thread: a
 * bounded queue, drained between batches; the request waits for the commit. An instance
 * that stands by (another holds the ingest lease) forwards them to the holder
 * ({@link RemoteAlarmCommands}).
 */
public class AlarmCommands {

	private final BlockingQueue<AlarmCommand> queue = new LinkedBlockingQueue<>(1000);

	private final Duration timeout;

	private final BooleanSupplier holdsLease;

	private final RemoteAlarmCommands remote;

	/** Commands of this instance only (it is the one consuming). */
	public AlarmCommands(Duration timeout) {
		this(timeout, () -> true, null);
	}

	public AlarmCommands(Duration timeout, BooleanSupplier holdsLease, RemoteAlarmCommands remote) {
		this.timeout = timeout;
		this.holdsLease = holdsLease;
		this.remote = remote;
	}

	/**
	 * Hands the command over and waits until it is committed.
	 * @throws ErrorResponseException 404 or 409 as the evaluator decided, 503 when it did
	 * not apply the command in time (then it is not applied)
	 */
	AlarmState submit(AlarmCommand command) {
		if (!this.holdsLease.getAsBoolean()) {
			return this.remote.forward(command, this.timeout);
		}
		if (!this.queue.offer(command)) {
			throw AlarmProblems.unavailable("Too many alarm commands waiting; try again");
		}
		try {
			try {
				return command.result().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				if (this.queue.remove(command)) {
					throw AlarmProblems.unavailable("The alarm evaluator did not take the command within "
							+ this.timeout + " (the time-series database may be down); nothing was changed");
				}
				// Taken by the ingest thread: its one write attempt decides.
				return command.result().get();
			}
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof ErrorResponseException problem) {
				throw problem;
			}
			throw AlarmProblems.unavailable("The alarm state could not be written: " + ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw AlarmProblems.unavailable("Interrupted");
		}
	}

	/** What is waiting, in order, then what standbys forwarded; for the ingest thread. */
	List<AlarmCommand> drain() {
		List<AlarmCommand> commands = new ArrayList<>();
		this.queue.drainTo(commands);
		if (this.remote != null) {
			commands.addAll(this.remote.take());
		}
		return commands;
	}

}
