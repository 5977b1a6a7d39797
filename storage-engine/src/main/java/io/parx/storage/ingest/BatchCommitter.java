package io.parx.storage.ingest;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.parx.common.config.rule.StorageBackend;
import io.parx.common.sample.Sample;
import io.parx.storage.alarms.AlarmCommands;
import io.parx.storage.alarms.AlarmEvaluator;
import io.parx.storage.alarms.AlarmOutcome;
import io.parx.storage.alarms.AlarmSet;
import io.parx.storage.alarms.AlarmStore;
import io.parx.storage.alarms.LiveAlarms;
import io.parx.storage.alarms.TakenCommands;
import io.parx.storage.file.CsvFileBackend;
import io.parx.storage.rules.Evaluation;
import io.parx.storage.rules.RuleEngine;
import io.parx.storage.rules.RuleSet;
import io.parx.storage.rules.StorageRule;
import io.parx.storage.status.StorageMetrics;
import io.parx.storage.timeseries.TimeseriesWriter;
import io.parx.storage.timeseries.TransactionPart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batch of samples through the rules and commits the result to every backend,
 * retrying with back-off until it succeeds: while a database is down nothing is
 * acknowledged and nothing more is read, so the backlog waits in the stream and memory
 * stays bounded.
 *
 * <p>
 * Files are written before the database: a crash between the two repeats the file rows on
 * redelivery (at least once) rather than losing them; the database write is idempotent.
 */
class BatchCommitter {

	private static final Logger logger = LoggerFactory.getLogger(BatchCommitter.class);

	private final RuleEngine engine;

	private final Supplier<RuleSet> rules;

	private final TimeseriesWriter writer;

	private final CsvFileBackend files;

	private final StorageMetrics metrics;

	private final IngestSettings settings;

	private final AlarmEvaluator alarms;

	private final Supplier<AlarmSet> alarmSet;

	private final AlarmStore alarmStore;

	private final AlarmCommands alarmCommands;

	private final LiveAlarms liveAlarms;

	/** Fails a transaction once another instance holds the ingest lease. */
	private final TransactionPart fence;

	/** The definitions the Redis active list was last rebuilt with. */
	private AlarmSet listed;

	BatchCommitter(RuleEngine engine, Supplier<RuleSet> rules, TimeseriesWriter writer, CsvFileBackend files,
			StorageMetrics metrics, IngestSettings settings, AlarmEvaluator alarms, Supplier<AlarmSet> alarmSet,
			AlarmStore alarmStore, AlarmCommands alarmCommands, LiveAlarms liveAlarms, TransactionPart fence) {
		this.engine = engine;
		this.fence = fence;
		this.alarmCommands = alarmCommands;
		this.liveAlarms = liveAlarms;
		this.rules = rules;
		this.alarms = alarms;
		this.alarmSet = alarmSet;
		this.alarmStore = alarmStore;
		this.writer = writer;
		this.files = files;
		this.metrics = metrics;
		this.settings = settings;
	}

	/**
	 * Commits the samples to every backend.
	 * @param running polled between attempts; when it turns false the batch is given up
	 * (it stays pending in the stream)
	 * @param whileWaiting called between attempts, e.g. to keep the entries claimed
	 * @return whether the batch was committed
	 */
	boolean commit(List<Sample> samples, BooleanSupplier running, Runnable whileWaiting) throws InterruptedException {
		long started = System.nanoTime();
		Evaluation evaluation = this.engine.evaluate(samples, this.rules.get());
		AlarmSet alarmSet = this.alarmSet.get();
		AlarmOutcome alarmOutcome = this.alarms.evaluate(samples, alarmSet);
		boolean filesWritten = evaluation.files().isEmpty();
		Duration backoff = this.settings.retryBackoff();
		while (true) {
			try {
				if (!filesWritten) {
					writeFiles(evaluation.files());
					filesWritten = true;
				}
				int inserted = this.writer.write(evaluation.timeseries(), evaluation.batchEvents(),
						evaluation.stateChanges(), this.fence.andThen(this.alarmStore.partOf(alarmOutcome)));
				this.engine.states().commit();
				this.alarms.states().commit();
				this.metrics.written("timeseries", inserted);
				this.metrics.committed(Duration.ofNanos(System.nanoTime() - started));
				// after the commit, never failing it: a batch is not written twice
				this.liveAlarms.committed(alarmOutcome.transitions(), this.alarms.states(), alarmSet);
				return true;
			}
			catch (Exception ex) {
				this.metrics.writeFailed(ex.getClass().getSimpleName() + ": " + ex.getMessage());
				logger.warn("Writing {} samples failed, retrying in {}: {}", samples.size(), backoff, ex.toString());
			}
			if (!running.getAsBoolean()) {
				this.engine.states().discard();
				this.alarms.states().discard();
				return false;
			}
			Thread.sleep(backoff);
			whileWaiting.run();
			backoff = backoff.multipliedBy(2);
			if (backoff.compareTo(this.settings.retryBackoffMax()) > 0) {
				backoff = this.settings.retryBackoffMax();
			}
		}
	}

	/**
	 * Applies the acknowledgements and shelvings people asked for since the last call, in
	 * one transaction of their own, between batches: the ingest thread is the one writer
	 * of alarm state. One attempt: a failure is reported to the callers, who may try
	 * again.
	 */
	void applyAlarmCommands() {
		refreshActiveAlarms();
		AlarmSet alarmSet = this.alarmSet.get();
		TakenCommands commands = this.alarms.take(this.alarmCommands, alarmSet);
		if (commands.isEmpty()) {
			return;
		}
		try {
			this.writer.write(List.of(), List.of(), Map.of(),
					this.fence.andThen(this.alarmStore.partOf(commands.outcome())));
			this.alarms.states().commit();
			// before answering, so the hash holds what the answer says
			this.liveAlarms.committed(commands.outcome().transitions(), this.alarms.states(), alarmSet);
			commands.committed(this.alarms.states());
		}
		catch (Exception ex) {
			this.alarms.states().discard();
			logger.warn("Writing {} alarm commands failed: {}", commands.size(), ex.toString());
			commands.failed(ex);
		}
	}

	/**
	 * Rebuilds the Redis active list from the committed alarm state when the definitions
	 * changed since the last rebuild (names, disabled or deleted definitions; the catalog
	 * reloads at every config event and resync), and at start-up; between batches, on the
	 * ingest thread.
	 */
	void refreshActiveAlarms() {
		AlarmSet current = this.alarmSet.get();
		if (current != this.listed && this.liveAlarms.rebuild(this.alarms.states(), current)) {
			this.listed = current;
		}
	}

	private void writeFiles(Map<StorageRule, List<Sample>> files) throws IOException {
		for (Map.Entry<StorageRule, List<Sample>> entry : files.entrySet()) {
			if (entry.getKey().backend() instanceof StorageBackend.File file) {
				this.files.append(entry.getKey(), file, entry.getValue());
				this.metrics.written("file", entry.getValue().size());
			}
		}
	}

}
