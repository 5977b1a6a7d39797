package io.parx.admin.events;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.parx.common.config.ConfigChanged;
import io.parx.common.redis.RedisKeys;
import io.parx.db.test.TestServices;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * A Redis subscriber on the test run's {@code <prefix>config} channel that records every
 * config event, as another service would receive it.
 */
public final class ConfigEventRecorder implements AutoCloseable {

	private final List<ConfigChanged> received = new CopyOnWriteArrayList<>();

	private final RedisMessageListenerContainer subscriber = new RedisMessageListenerContainer();

	private ConfigEventRecorder(RedisConnectionFactory redis) {
		this.subscriber.setConnectionFactory(redis);
		this.subscriber.addMessageListener(
				(message, pattern) -> this.received
					.add(ConfigChanged.fromJson(new String(message.getBody(), StandardCharsets.UTF_8))),
				new ChannelTopic(new RedisKeys(TestServices.redisPrefix()).config()));
		this.subscriber.afterPropertiesSet();
		this.subscriber.start();
	}

	public static ConfigEventRecorder subscribe(RedisConnectionFactory redis) {
		return new ConfigEventRecorder(redis);
	}

	/** The events received so far, in order. */
	public List<ConfigChanged> received() {
		return this.received;
	}

	@Override
	public void close() throws Exception {
		this.subscriber.stop();
		this.subscriber.destroy();
	}

}
