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
 * Sends one batch to Redis in one round trip: a Lua script that does the XADD to the
 * sample stream, the PUBLISH to the live channel and the HSET of the latest values
 * (CONTRACTS.md, "Redis"), and returns the backlog for the high-water mark.
 *
 * <p>
 * The XADD is guarded by the batch's sequence number, kept per collector in
 * {@code <prefix>collector:<name>:seq}: a batch whose sequence is not above the last one
 * accepted is not added again. This turns a resend after an ambiguous failure (reply
 * lost, crash between XADD and removal from the disk buffer) into exactly-once delivery.
 * The script answers the stream's backlog for the high-water mark.
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

	private static final String SCRIPT = BACKLOG + """
			local seq = tonumber(ARGV[2])
			if ARGV[1] ~= 'L' then
			  local last = tonumber(redis.call('GET', KEYS[4]) or '-1')
			  if seq > last then
			    redis.call('XADD', KEYS[1], '*', 'b', ARGV[3])
			    redis.call('SET', KEYS[4], ARGV[2])
			  end
			end
			if ARGV[1] ~= 'R' then
			  redis.call('PUBLISH', KEYS[2], ARGV[3])
			  local i = 4
			  while i < #ARGV do
			    local j = math.min(i + 999, #ARGV)
			    redis.call('HSET', KEYS[3], unpack(ARGV, i, j))
			    i = j + 1
			  end
			end
			return backlog(KEYS[1])
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
				bytes(redisKeys.prefix() + "collector:" + collectorName + ":seq") };
	}

	/**
	 * Sends a batch.
	 * @return the backlog of the sample stream after the command
	 * @throws RuntimeException (Lettuce) when Redis is unreachable or fails
	 */
	long send(Mode mode, long sequence, byte[] encoded, List<Sample> samples) {
		List<byte[]> args = new ArrayList<>(3 + 2 * ((samples != null) ? samples.size() : 0));
		args.add(mode.wire);
		args.add(bytes(Long.toString(sequence)));
		args.add(encoded);
		if (mode != Mode.REPLAY && samples != null) {
			Map<Long, Sample> latest = new LinkedHashMap<>();
			for (Sample sample : samples) {
				latest.put(sample.channelId(), sample);
			}
			for (Sample sample : latest.values()) {
				args.add(bytes(Long.toString(sample.channelId())));
				args.add(SampleBatchCodec.encode(sample));
			}
		}
		byte[][] argv = args.toArray(byte[][]::new);
		var commands = connection().sync();
		try {
			Long length = commands.evalsha(script(), ScriptOutputType.INTEGER, this.keys, argv);
			return length;
		}
		catch (io.lettuce.core.RedisNoScriptException ex) {
			this.sha = null;
			Long length = connection().sync().evalsha(script(), ScriptOutputType.INTEGER, this.keys, argv);
			return length;
		}
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

	@Override
	public void close() {
		if (this.connection != null) {
			this.connection.close();
		}
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

}
