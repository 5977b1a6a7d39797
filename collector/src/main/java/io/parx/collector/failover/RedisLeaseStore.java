package io.parx.collector.failover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.parx.common.collector.CollectorInstance;
import io.parx.common.redis.RedisKeys;

/**
 * Leases in Redis (docs/CONTRACTS.md, "Redis"): one string per connection,
 * {@code <prefix>collector:<group>:lease:<connection>} = {@code <instance> <token>} with
 * a TTL, taken with SET NX, renewed and released only by the holder of that token (Lua,
 * so the compare and the change are atomic). Its own client with a command timeout of one
 * renew interval, so a Redis that does not answer never holds the lease keeper up past a
 * lease's local deadline by more than that.
 */
final class RedisLeaseStore implements LeaseStore, AutoCloseable {

	private static final String ACQUIRE = """
			if redis.call('EXISTS', KEYS[1]) == 1 then return -1 end
			local token = redis.call('INCR', KEYS[2])
			redis.call('SET', KEYS[1], ARGV[1] .. ' ' .. token, 'PX', ARGV[2])
			return token
			""";

	private static final String RENEW = """
			local out = {}
			for i, key in ipairs(KEYS) do
			  if redis.call('GET', key) == ARGV[i + 1] then
			    redis.call('PEXPIRE', key, ARGV[1])
			    out[i] = 1
			  else
			    out[i] = 0
			  end
			end
			return out
			""";

	private static final String RELEASE = """
			if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
			return 0
			""";

	private final RedisClient client;

	private final RedisKeys keys;

	private final String group;

	private final Duration timeout;

	private StatefulRedisConnection<String, String> connection;

	RedisLeaseStore(String redisUrl, RedisKeys keys, String group, Duration timeout) {
		RedisURI uri = RedisURI.create(redisUrl);
		uri.setTimeout(timeout);
		this.client = RedisClient.create(uri);
		this.client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
			.build());
		this.keys = keys;
		this.group = group;
		this.timeout = timeout;
	}

	@Override
	public OptionalLong acquire(String connection, String instance, Duration ttl) {
		Long token = redis().eval(ACQUIRE, ScriptOutputType.INTEGER,
				new String[] { this.keys.collectorLease(this.group, connection), this.keys.collectorFence(this.group) },
				instance, Long.toString(ttl.toMillis()));
		return (token != null && token > 0) ? OptionalLong.of(token) : OptionalLong.empty();
	}

	@Override
	public Set<String> renew(Map<String, Long> tokens, String instance, Duration ttl) {
		List<String> connections = new ArrayList<>(tokens.keySet());
		String[] keys = new String[connections.size()];
		String[] args = new String[connections.size() + 1];
		args[0] = Long.toString(ttl.toMillis());
		for (int i = 0; i < connections.size(); i++) {
			keys[i] = this.keys.collectorLease(this.group, connections.get(i));
			args[i + 1] = instance + " " + tokens.get(connections.get(i));
		}
		List<Long> renewed = redis().eval(RENEW, ScriptOutputType.MULTI, keys, args);
		Set<String> kept = new HashSet<>();
		for (int i = 0; i < connections.size(); i++) {
			if (renewed.get(i) == 1L) {
				kept.add(connections.get(i));
			}
		}
		return kept;
	}

	@Override
	public void release(String connection, String instance, long token) {
		redis().eval(RELEASE, ScriptOutputType.INTEGER,
				new String[] { this.keys.collectorLease(this.group, connection) }, instance + " " + token);
	}

	@Override
	public Map<String, String> holders(Collection<String> connections) {
		Map<String, String> holders = new HashMap<>();
		if (connections.isEmpty()) {
			return holders;
		}
		List<String> names = List.copyOf(connections);
		List<KeyValue<String, String>> values = redis()
			.mget(names.stream().map((c) -> this.keys.collectorLease(this.group, c)).toArray(String[]::new));
		for (int i = 0; i < names.size(); i++) {
			KeyValue<String, String> value = values.get(i);
			holders.put(names.get(i),
					value.hasValue() ? value.getValue().substring(0, value.getValue().lastIndexOf(' ')) : null);
		}
		return holders;
	}

	@Override
	public void register(CollectorInstance record, Duration ttl) {
		RedisCommands<String, String> redis = redis();
		redis.set(this.keys.collectorInstance(this.group, record.instance()), record.toJson(),
				SetArgs.Builder.px(ttl.toMillis()));
		redis.sadd(this.keys.collectorInstances(this.group), record.instance());
	}

	@Override
	public void unregister(String instance) {
		RedisCommands<String, String> redis = redis();
		redis.del(this.keys.collectorInstance(this.group, instance));
		redis.srem(this.keys.collectorInstances(this.group), instance);
	}

	@Override
	public List<CollectorInstance> instances(String group) {
		RedisCommands<String, String> redis = redis();
		List<String> ids = new ArrayList<>(redis.smembers(this.keys.collectorInstances(group)));
		List<CollectorInstance> live = new ArrayList<>();
		if (ids.isEmpty()) {
			return live;
		}
		List<KeyValue<String, String>> records = redis
			.mget(ids.stream().map((id) -> this.keys.collectorInstance(group, id)).toArray(String[]::new));
		for (int i = 0; i < ids.size(); i++) {
			if (records.get(i).hasValue()) {
				try {
					live.add(CollectorInstance.fromJson(records.get(i).getValue()));
				}
				catch (IllegalArgumentException ex) {
					// a record of another version: the instance still counts as live
					live.add(new CollectorInstance(group, ids.get(i), null, List.of(), null));
				}
			}
			else {
				// its record expired: the instance is gone
				redis.srem(this.keys.collectorInstances(group), ids.get(i));
			}
		}
		return live;
	}

	private synchronized RedisCommands<String, String> redis() {
		if (this.connection == null) {
			this.connection = this.client.connect();
			this.connection.setTimeout(this.timeout);
		}
		return this.connection.sync();
	}

	@Override
	public void close() {
		if (this.connection != null) {
			this.connection.close();
		}
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

}
