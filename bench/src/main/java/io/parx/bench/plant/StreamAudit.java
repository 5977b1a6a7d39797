package io.parx.bench.plant;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.parx.common.redis.RedisKeys;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;

/**
 * Counts what the collector really put into the sample stream, as a second consumer group
 * beside the storage engine's: every sample of every entry, per channel, and samples
 * whose time is not after the previous one of their channel (a duplicate the storage
 * engine would merge into one row). The zero-loss check compares these counts with the
 * rows in TimescaleDB, so nothing is assumed from the collector's side. The group
 * acknowledges what it counted, and the storage engine trims the stream only behind every
 * group, so the audit sees every entry.
 */
final class StreamAudit implements AutoCloseable {

	static final String GROUP = "bench-audit";

	private static final byte[] FIELD = RedisKeys.BATCH_FIELD.getBytes(StandardCharsets.UTF_8);

	private final StatefulRedisConnection<byte[], byte[]> connection;

	private final byte[] stream;

	private final long[] perChannel;

	private final long[] lastTime;

	private final AtomicLong samples = new AtomicLong();

	private final AtomicLong entries = new AtomicLong();

	private final AtomicLong notAfterPrevious = new AtomicLong();

	private final AtomicLong unknownChannel = new AtomicLong();

	private final Thread thread;

	private volatile boolean running = true;

	/** Creates the group at the stream's start, before anything is published. */
	StreamAudit(RedisClient client, byte[] stream, int channels) {
		this.connection = client.connect(ByteArrayCodec.INSTANCE);
		this.stream = stream;
		this.perChannel = new long[channels + 1];
		this.lastTime = new long[channels + 1];
		Arrays.fill(this.lastTime, Long.MIN_VALUE);
		this.connection.sync()
			.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), GROUP.getBytes(StandardCharsets.UTF_8),
					XGroupCreateArgs.Builder.mkstream());
		this.thread = Thread.ofPlatform().name("stream-audit").daemon().start(this::run);
	}

	long samples() {
		return this.samples.get();
	}

	long entries() {
		return this.entries.get();
	}

	long notAfterPrevious() {
		return this.notAfterPrevious.get();
	}

	long unknownChannel() {
		return this.unknownChannel.get();
	}

	/** Samples of a channel counted so far (call after the audit drained). */
	long samplesOf(int channel) {
		synchronized (this.perChannel) {
			return this.perChannel[channel];
		}
	}

	private void run() {
		RedisCommands<byte[], byte[]> redis = this.connection.sync();
		Consumer<byte[]> consumer = Consumer.from(GROUP.getBytes(StandardCharsets.UTF_8),
				"audit".getBytes(StandardCharsets.UTF_8));
		while (this.running) {
			List<StreamMessage<byte[], byte[]>> messages = redis.xreadgroup(consumer,
					XReadArgs.Builder.count(100).block(Duration.ofMillis(200)),
					XReadArgs.StreamOffset.lastConsumed(this.stream));
			if (messages.isEmpty()) {
				continue;
			}
			String[] ids = new String[messages.size()];
			for (int i = 0; i < ids.length; i++) {
				ids[i] = messages.get(i).getId();
				count(payload(messages.get(i).getBody()));
			}
			redis.xack(this.stream, GROUP.getBytes(StandardCharsets.UTF_8), ids);
		}
	}

	private void count(byte[] payload) {
		if (payload == null) {
			return;
		}
		List<Sample> batch = SampleBatchCodec.decode(payload);
		synchronized (this.perChannel) {
			for (Sample sample : batch) {
				long id = sample.channelId();
				if (id < 1 || id >= this.perChannel.length) {
					this.unknownChannel.incrementAndGet();
					continue;
				}
				int channel = (int) id;
				this.perChannel[channel]++;
				if (sample.timeMicros() <= this.lastTime[channel]) {
					this.notAfterPrevious.incrementAndGet();
				}
				this.lastTime[channel] = Math.max(this.lastTime[channel], sample.timeMicros());
			}
		}
		this.samples.addAndGet(batch.size());
		this.entries.incrementAndGet();
	}

	private static byte[] payload(Map<byte[], byte[]> body) {
		for (Map.Entry<byte[], byte[]> field : body.entrySet()) {
			if (Arrays.equals(field.getKey(), FIELD)) {
				return field.getValue();
			}
		}
		return null;
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.thread.join(Duration.ofSeconds(5));
		this.connection.close();
	}

}
