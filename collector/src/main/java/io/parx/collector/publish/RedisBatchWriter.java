package io.parx.collector.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.parx.common.redis.RedisKeys;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;

import java.nio.charset.StandardCharsets;

/**
 * Sends batches to Redis, one or several in one round trip: a Lua script that does, per
 * batch, the XADD to the sample stream and the PUBLISH to the live channel, the HSET of
 * the latest values (docs/CONTRACTS.md, "Redis"), and returns the backlog for the
 * high-water mark. The script is atomic, so after a failure the stream holds all or none
 * of what the reply would have reported.
 *
 * <p>
 * The XADD is guarded by the batch's sequence number, kept per collector in
 * {@code <prefix>collector:<name>:seq} (per instance in a failover group): a batch whose
 * sequence is not above the last one accepted is not added again. This turns a resend
 * after an ambiguous failure (reply lost, crash between XADD and removal from the disk
 * buffer) into exactly-once delivery. The script answers the stream's backlog for the
 * high-water mark.
 */
class RedisBatchWriter implements AutoCloseable {

	/**
	 * The backlog of the sample stream: what the storage engine's consumer group has not
	 * acknowledged yet (lag plus pending, Redis 7 XINFO GROUPS), or the stream length
	 * when there is no group or its lag is unknown.
	 */
	private static final String BACKLOG = """
			local function backlog(stream)
			  local ok, groups = pcall(redis.call, 'XINFO', 'GROUPS', stream)
			  if ok then
			    for _, g in ipairs(groups) do
			      local name, lag, pending
			      for i = 1, #g, 2 do
			        if g[i] == 'name' then name = g[i + 1]
			        elseif g[i] == 'lag' then lag = g[i + 1]
			        elseif g[i] == 'pending' then pending = g[i + 1] end
			      end
			      if name == '%s' and lag then return lag + (pending or 0) end
			    end
			  end
			  return redis.call('XLEN', stream)
			end
			""".formatted(RedisKeys.STORAGE_GROUP);

	/**
	 * ARGV: mode, number of batches n, high-water mark (-1: none), n pairs (sequence,
	 * batch), then the latest values as (channel id, one-sample batch) pairs. In mode F
	 * the stream takes batches in order until the backlog passes the high-water mark; the
	 * batches after that are left to the caller's disk buffer, so several batches in one
	 * round trip never push the stream further past the mark than one batch at a time
	 * would. Returns {batches the stream took, backlog}.
	 */
	private static final String SCRIPT = BACKLOG + """
			local n = tonumber(ARGV[2])
			local highWater = tonumber(ARGV[3])
			local accepted = 0
			local pending
			if ARGV[1] ~= 'L' then
			  pending = backlog(KEYS[1])
			  local last = tonumber(redis.call('GET', KEYS[4]) or '-1')
			  local lastText
			  for b = 0, n - 1 do
			    if highWater >= 0 and pending > highWater then break end
			    local seq = tonumber(ARGV[4 + 2 * b])
			    if seq > last then
			      redis.call('XADD', KEYS[1], '*', 'b', ARGV[5 + 2 * b])
			      last = seq
			      lastText = ARGV[4 + 2 * b]
			      pending = pending + 1
			    end
			    accepted = accepted + 1
			  end
			  if lastText then redis.call('SET', KEYS[4], lastText) end
			end
			if ARGV[1] ~= 'R' then
			  for b = 0, n - 1 do
			    redis.call('PUBLISH', KEYS[2], ARGV[5 + 2 * b])
			  end
			  local i = 4 + 2 * n
			  while i < #ARGV do
			    local j = math.min(i + 999, #ARGV)
			    redis.call('HSET', KEYS[3], unpack(ARGV, i, j))
			    i = j + 1
			  end
			end
			if not pending then pending = backlog(KEYS[1]) end
			return {accepted, pending}
			""";

	private static final String PROBE = BACKLOG + "return backlog(KEYS[1])";

	/** What to send: everything, only the durable stream, or only the live paths. */
	enum Mode {

		FULL("F"), REPLAY("R"), LIVE("L");

		final byte[] wire;

		Mode(String wire) {
			this.wire = wire.getBytes(StandardCharsets.US_ASCII);
		}

	}

	private final RedisClient client;

	private final byte[][] keys;

	private final Duration timeout;

	private StatefulRedisConnection<byte[], byte[]> connection;

	private String sha;

	RedisBatchWriter(String redisUrl, RedisKeys redisKeys, String collectorName, Duration timeout) {
		this(redisUrl, redisKeys, collectorName, null, timeout);
	}

	/**
	 * @param instance the instance of a failover group, which counts its own sequences
	 * (the instances' clocks are not one); {@code null} for a collector that is alone
	 * with its name
	 */
	RedisBatchWriter(String redisUrl, RedisKeys redisKeys, String collectorName, String instance, Duration timeout) {
		RedisURI uri = RedisURI.create(redisUrl);
		uri.setTimeout(timeout);
		this.client = RedisClient.create(uri);
		// Fail fast while disconnected instead of queueing commands in memory: the disk
		// buffer is the queue.
		this.client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
			.build());
		this.timeout = timeout;
		this.keys = new byte[][] { bytes(redisKeys.samples()), bytes(redisKeys.live()), bytes(redisKeys.latest()),
				bytes(redisKeys.collectorSequence(collectorName, instance)) };
	}

	/**
	 * Sends a batch.
	 * @return the backlog of the sample stream after the command
	 * @throws RuntimeException (Lettuce) when Redis is unreachable or fails
	 */
	long send(Mode mode, long sequence, byte[] encoded, List<Sample> samples) {
		return send(mode, List.of(new Batch(sequence, encoded, samples)), -1).backlog();
	}

	/**
	 * Sends several batches in one round trip, in order: the stream (modes FULL and
	 * REPLAY) takes them until its backlog passes {@code highWaterMark}, the live paths
	 * (FULL and LIVE) get all of them.
	 * @param highWaterMark backlog above which the stream takes no more batches; -1 for
	 * no limit
	 * @return how many batches the stream took (from the first) and its backlog after
	 * @throws RuntimeException (Lettuce) when Redis is unreachable or fails; the script
	 * is atomic, so then the stream took either the reported batches or none
	 */
	Reply send(Mode mode, List<Batch> batches, long highWaterMark) {
		List<byte[]> args = new ArrayList<>();
		args.add(mode.wire);
		args.add(bytes(Integer.toString(batches.size())));
		args.add(bytes(Long.toString(highWaterMark)));
		for (Batch batch : batches) {
			args.add(bytes(Long.toString(batch.sequence())));
			args.add(batch.encoded());
		}
		if (mode != Mode.REPLAY) {
			// One latest value per channel: a later batch's sample replaces an earlier
			// one.
			Map<Long, Sample> latest = new LinkedHashMap<>();
			for (Batch batch : batches) {
				for (Sample sample : batch.samples()) {
					latest.put(sample.channelId(), sample);
				}
			}
			for (Sample sample : latest.values()) {
				args.add(bytes(Long.toString(sample.channelId())));
				args.add(SampleBatchCodec.encode(sample));
			}
		}
		byte[][] argv = args.toArray(byte[][]::new);
		List<Object> reply;
		try {
			reply = connection().sync().evalsha(script(), ScriptOutputType.MULTI, this.keys, argv);
		}
		catch (io.lettuce.core.RedisNoScriptException ex) {
			this.sha = null;
			reply = connection().sync().evalsha(script(), ScriptOutputType.MULTI, this.keys, argv);
		}
		return new Reply(((Long) reply.get(0)).intValue(), (Long) reply.get(1));
	}

	/** The sequence of the last batch Redis accepted from this collector, or -1. */
	long lastSequence() {
		byte[] value = connection().sync().get(this.keys[3]);
		return (value != null) ? Long.parseLong(new String(value, StandardCharsets.US_ASCII)) : -1;
	}

	/** Checks that Redis answers; returns the backlog of the sample stream. */
	long probe() {
		Long backlog = connection().sync().eval(PROBE, ScriptOutputType.INTEGER, this.keys[0]);
		return backlog;
	}

	private synchronized StatefulRedisConnection<byte[], byte[]> connection() {
		if (this.connection == null) {
			this.connection = this.client.connect(ByteArrayCodec.INSTANCE);
			this.connection.setTimeout(this.timeout);
		}
		return this.connection;
	}

	private String script() {
		if (this.sha == null) {
			this.sha = connection().sync().scriptLoad(SCRIPT);
		}
		return this.sha;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A batch to send.
	 *
	 * @param sequence its sequence number
	 * @param encoded the encoded batch
	 * @param samples its samples, for the latest values; not needed in mode REPLAY
	 */
	record Batch(long sequence, byte[] encoded, List<Sample> samples) {

	}

	/**
	 * What Redis answered.
	 *
	 * @param accepted how many of the batches, from the first, the stream took (or had
	 * already: a resend)
	 * @param backlog the backlog of the sample stream after the command
	 */
	record Reply(int accepted, long backlog) {

	}

	@Override
	public void close() {
		if (this.connection != null) {
			this.connection.close();
		}
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

}
