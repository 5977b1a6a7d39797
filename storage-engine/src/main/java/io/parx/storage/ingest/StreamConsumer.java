package io.parx.storage.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.parx.common.redis.RedisKeys;
import io.parx.common.sample.SampleBatchCodec;
import io.parx.common.sample.SampleCodecException;
import io.parx.storage.status.StorageMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the sample stream as a member of the {@code storage} group (docs/CONTRACTS.md,
 * "Redis"; issue 5, "Consuming"). One thread: read, evaluate, commit, then XACK, so an
 * entry is acknowledged only once everything it caused is committed.
 *
 * <ul>
 * <li>On start it first re-reads its own pending entries (XREADGROUP from id 0): what it
 * had read but not committed before a crash.</li>
 * <li>Every claim interval it takes over entries idle longer than the claim idle time on
 * any consumer (XAUTOCLAIM), i.e. those of an instance that died.</li>
 * <li>An entry that cannot be decoded goes to the {@link Quarantine}.</li>
 * </ul>
 */
public class StreamConsumer implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(StreamConsumer.class);

	private static final byte[] FIELD = RedisKeys.BATCH_FIELD.getBytes(StandardCharsets.UTF_8);

	private final RedisClient client;

	private final IngestSettings settings;

	private final BatchCommitter committer;

	private final byte[] stream;

	private final byte[] group = RedisKeys.STORAGE_GROUP.getBytes(StandardCharsets.UTF_8);

	private final Consumer<byte[]> consumer;

	private final StreamHousekeeping housekeeping;

	private final Quarantine quarantine;

	private final BatchLimits limits;

	private final StorageMetrics metrics;

	private volatile boolean running = true;

	/** Whether this instance still holds the ingest lease. */
	private final BooleanSupplier leaseValid;

	private StatefulRedisConnection<byte[], byte[]> connection;

	private long lastClaim;

	private String claimCursor = "0-0";

	private int samplesPerEntry = 1;

	StreamConsumer(RedisClient client, RedisKeys keys, IngestSettings settings, BatchCommitter committer,
			StorageMetrics metrics, BooleanSupplier leaseValid) {
		this.client = client;
		this.leaseValid = leaseValid;
		this.settings = settings;
		this.committer = committer;
		this.stream = bytes(keys.samples());
		this.consumer = Consumer.from(this.group, bytes(settings.consumerName()));
		this.housekeeping = new StreamHousekeeping(keys, settings, metrics);
		this.quarantine = new Quarantine(keys, settings, metrics);
		this.limits = new BatchLimits(settings);
		this.metrics = metrics;
	}

	void stop() {
		this.running = false;
	}

	boolean isRunning() {
		return this.running;
	}

	/** Running and still holding the lease: may read, evaluate and commit. */
	private boolean active() {
		return this.running && this.leaseValid.getAsBoolean();
	}

	@Override
	public void run() {
		while (active()) {
			try {
				connectAndConsume();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				logger.warn("Sample stream consumer failed, reconnecting: {}", ex.toString());
				closeConnection();
				pause(this.settings.retryBackoffMax());
			}
		}
		closeConnection();
	}

	private void connectAndConsume() throws InterruptedException {
		this.connection = this.client.connect(ByteArrayCodec.INSTANCE);
		RedisCommands<byte[], byte[]> redis = this.connection.sync();
		createGroup(redis);
		claimAllPending(redis);
		// Our own pending entries first: read (or even committed) before a crash, never
		// acknowledged.
		while (active()
				&& consume(redis, redis.xreadgroup(this.consumer, XReadArgs.Builder.count(this.settings.readCount()),
						XReadArgs.StreamOffset.from(this.stream, "0")), true)) {
		}
		PendingBatch batch = new PendingBatch();
		while (active()) {
			if (System.nanoTime() - this.lastClaim > this.settings.claimInterval().toNanos()) {
				this.lastClaim = System.nanoTime();
				claimAbandoned(redis, batch);
			}
			this.housekeeping.runIfDue(redis);
			List<StreamMessage<byte[], byte[]>> messages = redis.xreadgroup(this.consumer,
					XReadArgs.Builder.count(this.limits.entriesToRead(batch.samples.size(), this.samplesPerEntry))
						.block(this.settings.block()),
					XReadArgs.StreamOffset.lastConsumed(this.stream));
			// Between batches: nothing of the alarm state is pending now.
			if (batch.isEmpty()) {
				this.committer.applyAlarmCommands();
			}
			int before = batch.samples.size();
			add(redis, batch, messages);
			if (!messages.isEmpty()) {
				this.samplesPerEntry = Math.max(1, (batch.samples.size() - before) / messages.size());
			}
			if (this.limits.full(batch.samples.size(), batch.ageNanos()) || (!batch.isEmpty() && !this.running)) {
				flush(redis, batch);
			}
		}
		// a lease lost leaves the batch to the successor: it is pending, not evaluated
		if (!batch.isEmpty() && this.leaseValid.getAsBoolean()) {
			flush(redis, batch);
		}
	}

	/** Commits a drained set of entries; returns whether there were any. */
	private boolean consume(RedisCommands<byte[], byte[]> redis, List<StreamMessage<byte[], byte[]>> messages,
			boolean own) throws InterruptedException {
		if (messages.isEmpty()) {
			return false;
		}
		PendingBatch batch = new PendingBatch();
		add(redis, batch, messages);
		flush(redis, batch);
		if (own) {
			logger.info("Drained {} entries left pending by this consumer", messages.size());
		}
		return true;
	}

	private void add(RedisCommands<byte[], byte[]> redis, PendingBatch batch,
			List<StreamMessage<byte[], byte[]>> messages) {
		for (StreamMessage<byte[], byte[]> message : messages) {
			byte[] payload = field(message.getBody());
			if (payload == null) {
				// Entry already deleted from the stream (XREADGROUP returns it with no
				// fields).
				redis.xack(this.stream, this.group, message.getId());
				continue;
			}
			try {
				batch.add(message.getId(), SampleBatchCodec.decode(payload));
			}
			catch (SampleCodecException ex) {
				this.quarantine.rejected(redis, message, payload, ex);
			}
		}
	}

	private void flush(RedisCommands<byte[], byte[]> redis, PendingBatch batch) throws InterruptedException {
		String[] ids = batch.ids.toArray(String[]::new);
		Duration keepClaimed = this.settings.claimIdle().dividedBy(2);
		long[] lastKeep = { System.nanoTime() };
		boolean committed = this.committer.commit(batch.samples, this::active, () -> {
			// While the database is down, keep our entries from looking abandoned.
			if (System.nanoTime() - lastKeep[0] > keepClaimed.toNanos()) {
				lastKeep[0] = System.nanoTime();
				redis.xclaim(this.stream, this.consumer, XClaimArgs.Builder.justid(), ids);
			}
		});
		if (committed) {
			redis.xack(this.stream, this.group, ids);
			this.metrics.acknowledged(ids);
		}
		batch.clear();
	}

	private void claimAbandoned(RedisCommands<byte[], byte[]> redis, PendingBatch batch) throws InterruptedException {
		ClaimedMessages<byte[], byte[]> claimed = redis.xautoclaim(this.stream,
				new XAutoClaimArgs<byte[]>().consumer(this.consumer)
					.minIdleTime(this.settings.claimIdle())
					.startId(this.claimCursor)
					.count(this.settings.readCount()));
		this.claimCursor = claimed.getId();
		if (!claimed.getMessages().isEmpty()) {
			logger.info("Reclaimed {} entries idle for more than {}", claimed.getMessages().size(),
					this.settings.claimIdle());
			if (!batch.isEmpty()) {
				flush(redis, batch);
			}
			consume(redis, claimed.getMessages(), false);
		}
	}

	/**
	 * Takes every entry pending on any consumer of the group: with the lease this
	 * instance is the only one consuming, and what its predecessor read but did not
	 * acknowledge comes before anything newer, so stateful rules see each channel's
	 * samples in order.
	 */
	private void claimAllPending(RedisCommands<byte[], byte[]> redis) {
		String cursor = "0-0";
		int claimed = 0;
		do {
			ClaimedMessages<byte[], byte[]> page = redis.xautoclaim(this.stream,
					new XAutoClaimArgs<byte[]>().consumer(this.consumer)
						.minIdleTime(0)
						.justid()
						.startId(cursor)
						.count(1000));
			cursor = page.getId();
			claimed += page.getMessages().size();
		}
		while (!"0-0".equals(cursor));
		if (claimed > 0) {
			logger.info("Took over {} entries pending in the group", claimed);
		}
	}

	private void createGroup(RedisCommands<byte[], byte[]> redis) {
		try {
			redis.xgroupCreate(XReadArgs.StreamOffset.from(this.stream, "0"), this.group,
					XGroupCreateArgs.Builder.mkstream());
		}
		catch (RedisBusyException ex) {
			// BUSYGROUP: another instance, or an earlier run, created it.
		}
	}

	private static byte[] field(Map<byte[], byte[]> body) {
		if (body == null) {
			return null;
		}
		for (Map.Entry<byte[], byte[]> entry : body.entrySet()) {
			if (Arrays.equals(entry.getKey(), FIELD)) {
				return entry.getValue();
			}
		}
		return null;
	}

	private void closeConnection() {
		if (this.connection != null) {
			this.connection.close();
			this.connection = null;
		}
	}

	private void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
