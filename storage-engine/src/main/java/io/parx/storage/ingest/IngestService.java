package io.parx.storage.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.parx.common.config.rule.StorageBackend;
import io.parx.common.redis.RedisKeys;
import io.parx.storage.alarms.AlarmCatalog;
import io.parx.storage.alarms.AlarmCommands;
import io.parx.storage.alarms.AlarmEvaluator;
import io.parx.storage.alarms.AlarmStates;
import io.parx.storage.alarms.AlarmStore;
import io.parx.storage.alarms.LiveAlarms;
import io.parx.storage.failover.FailoverSettings;
import io.parx.storage.failover.IngestLease;
import io.parx.storage.file.CsvFileBackend;
import io.parx.storage.file.FileSettings;
import io.parx.storage.rules.RuleCatalog;
import io.parx.storage.rules.RuleEngine;
import io.parx.storage.rules.StorageRule;
import io.parx.storage.state.RuleStates;
import io.parx.storage.status.StorageMetrics;
import io.parx.storage.timeseries.RetentionJob;
import io.parx.storage.timeseries.RetentionSettings;
import io.parx.storage.timeseries.TimeseriesWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Starts the ingest thread once the application is up and the housekeeping of file
 * rotation, retention and the ingest lease; stops consuming first at shutdown, finishing
 * the batch in hand, then gives the lease up. The ingest thread consumes only while this
 * instance holds the {@link IngestLease} (rules and rule state loaded at each take, with
 * retries while a database is unreachable), so several instances keep one writer of rule
 * and alarm state and a standby takes over from one that died.
 */
public class IngestService implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(IngestService.class);

	private final LettuceConnectionFactory redis;

	private final RedisKeys keys;

	private final IngestSettings settings;

	private final RuleCatalog catalog;

	private final TimeseriesWriter writer;

	private final CsvFileBackend files;

	private final FileSettings fileSettings;

	private final RetentionJob retention;

	private final RetentionSettings retentionSettings;

	private final StorageMetrics metrics;

	private final AlarmCatalog alarmCatalog;

	private final AlarmStore alarmStore;

	private final AlarmCommands alarmCommands;

	private final LiveAlarms liveAlarms;

	private final IngestLease lease;

	private final FailoverSettings failover;

	private volatile StreamConsumer consumer;

	private volatile Thread thread;

	private ScheduledExecutorService housekeeping;

	private ScheduledExecutorService leaseKeeper;

	private volatile boolean running;

	private volatile boolean standingBy;

	/** Whether the first take loaded the rules and alarm definitions. */
	private boolean catalogsLoaded;

	private final StreamHousekeeping standbyHousekeeping;

	/** Open while standing by, for {@link #reportStream()}. */
	private StatefulRedisConnection<byte[], byte[]> standbyConnection;

	public IngestService(LettuceConnectionFactory redis, RedisKeys keys, IngestSettings settings, RuleCatalog catalog,
			TimeseriesWriter writer, CsvFileBackend files, FileSettings fileSettings, RetentionJob retention,
			RetentionSettings retentionSettings, StorageMetrics metrics, AlarmCatalog alarmCatalog,
			AlarmStore alarmStore, AlarmCommands alarmCommands, LiveAlarms liveAlarms, IngestLease lease,
			FailoverSettings failover) {
		this.redis = redis;
		this.lease = lease;
		this.failover = failover;
		this.standbyHousekeeping = new StreamHousekeeping(keys, settings, metrics);
		this.liveAlarms = liveAlarms;
		this.alarmCommands = alarmCommands;
		this.alarmCatalog = alarmCatalog;
		this.alarmStore = alarmStore;
		this.keys = keys;
		this.settings = settings;
		this.catalog = catalog;
		this.writer = writer;
		this.files = files;
		this.fileSettings = fileSettings;
		this.retention = retention;
		this.retentionSettings = retentionSettings;
		this.metrics = metrics;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = Thread.ofPlatform().name("storage-ingest").start(this::run);
		this.housekeeping = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("storage-housekeeping").factory());
		long fileCheck = this.fileSettings.checkInterval().toMillis();
		this.housekeeping.scheduleWithFixedDelay(this::rotateFiles, fileCheck, fileCheck, TimeUnit.MILLISECONDS);
		long retentionEvery = this.retentionSettings.interval().toMillis();
		this.housekeeping.scheduleWithFixedDelay(this::applyRetentionIfConsuming, retentionEvery, retentionEvery,
				TimeUnit.MILLISECONDS);
		// a thread of its own: a long retention run must not delay a renewal
		this.leaseKeeper = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("storage-lease").factory());
		long renewEvery = this.failover.renewInterval().toMillis();
		this.leaseKeeper.scheduleWithFixedDelay(this.lease::renew, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
	}

	/**
	 * Stands by until this instance holds the ingest lease, consumes while it does, and
	 * stands by again when it loses it. Rule and alarm state is loaded from the database
	 * at each take: what the predecessor committed is where this instance goes on from.
	 */
	private void run() {
		while (this.running) {
			if (!this.lease.tryAcquire()) {
				String holder = this.lease.holder();
				if (holder != null) {
					if (!this.standingBy) {
						logger.info("Standing by: storage engine {} holds the ingest lease", holder);
						this.standingBy = true;
					}
					// only while Redis answers: a connect attempt would delay the next
					// try
					reportStream();
				}
				sleep(this.failover.renewInterval());
				continue;
			}
			this.standingBy = false;
			closeStandbyConnection();
			logger.info("Took the ingest lease (fencing token {}): consuming the sample stream", this.lease.token());
			consume();
			if (this.running) {
				logger.warn("Lost the ingest lease: stopped consuming, standing by");
			}
			else {
				this.lease.release();
			}
		}
		closeStandbyConnection();
	}

	/** A standby's view of the stream backlog, for its status and metrics. */
	private void reportStream() {
		try {
			if (this.standbyConnection == null) {
				this.standbyConnection = ((RedisClient) this.redis.getRequiredNativeClient())
					.connect(ByteArrayCodec.INSTANCE);
			}
			this.standbyHousekeeping.reportIfDue(this.standbyConnection.sync());
		}
		catch (RuntimeException ex) {
			logger.debug("Cannot read the stream's backlog: {}", ex.toString());
			closeStandbyConnection();
		}
	}

	private void closeStandbyConnection() {
		if (this.standbyConnection != null) {
			this.standbyConnection.close();
			this.standbyConnection = null;
		}
	}

	private void consume() {
		RuleStates states = null;
		AlarmStates alarmStates = null;
		while (this.running && this.lease.isValid() && states == null) {
			try {
				if (!this.catalogsLoaded) {
					// later takes find them kept current by config events and the resync
					this.catalog.reload();
					this.alarmCatalog.reload();
					this.files.recoverAndExpire(this.catalog.get().rules());
					this.retention.enableCompression(this.retentionSettings);
					this.catalogsLoaded = true;
				}
				alarmStates = new AlarmStates(this.alarmStore.load());
				states = new RuleStates(this.writer.loadStates());
			}
			catch (Exception ex) {
				logger.warn("Cannot load rules or rule state yet, retrying: {}", ex.toString());
				sleep(this.settings.retryBackoffMax());
			}
		}
		if (states == null) {
			return;
		}
		BatchCommitter committer = new BatchCommitter(new RuleEngine(states), this.catalog, this.writer, this.files,
				this.metrics, this.settings, new AlarmEvaluator(alarmStates), this.alarmCatalog, this.alarmStore,
				this.alarmCommands, this.liveAlarms, this.lease.fence());
		// the Redis active list from alarm_state, before the first batch
		committer.refreshActiveAlarms();
		this.consumer = new StreamConsumer((RedisClient) this.redis.getRequiredNativeClient(), this.keys, this.settings,
				committer, this.metrics, this.lease::isValid);
		if (this.running) {
			this.consumer.run();
		}
		this.consumer = null;
	}

	private void rotateFiles() {
		try {
			Map<Long, StorageBackend.File> backends = new HashMap<>();
			for (StorageRule rule : this.catalog.get().rules()) {
				if (rule.backend() instanceof StorageBackend.File file) {
					backends.put(rule.id(), file);
				}
			}
			this.files.rotateDue(backends);
		}
		catch (RuntimeException ex) {
			logger.warn("CSV rotation failed: {}", ex.toString());
		}
	}

	/**
	 * The instance that consumes deletes what is due: one deleter however many stand by,
	 * and its own CSV files are the ones written.
	 */
	private void applyRetentionIfConsuming() {
		if (this.lease.isValid()) {
			applyRetention();
		}
	}

	/** Runs the retention of rows, alarm journal entries and files now. */
	public void applyRetention() {
		try {
			this.retention.apply(this.catalog.get());
			this.retention.applyToAlarmJournal(this.retentionSettings.alarmJournal());
			this.files.recoverAndExpire(this.catalog.get().rules());
		}
		catch (Exception ex) {
			logger.warn("Retention failed: {}", ex.toString());
		}
	}

	@Override
	public void stop() {
		this.running = false;
		StreamConsumer current = this.consumer;
		if (current != null) {
			current.stop();
		}
		Thread ingest = this.thread;
		if (ingest != null) {
			try {
				ingest.join(Duration.ofSeconds(15));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.housekeeping != null) {
			this.housekeeping.shutdownNow();
		}
		if (this.leaseKeeper != null) {
			this.leaseKeeper.shutdownNow();
		}
		this.lease.close();
		this.files.close();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** After Redis and the web server, so consumption stops first. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 2000;
	}

	private void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
