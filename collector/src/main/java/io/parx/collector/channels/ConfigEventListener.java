package io.parx.collector.channels;

import java.nio.charset.StandardCharsets;

import io.parx.common.config.ConfigChanged;
import io.parx.common.redis.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Subscribes to {@code <prefix>config} and hands channel events to the
 * {@link ChannelCoordinator}. Other entities do not concern the collector.
 */
@Configuration(proxyBeanMethods = false)
class ConfigEventListener {

	private static final Logger logger = LoggerFactory.getLogger(ConfigEventListener.class);

	@Bean
	RedisMessageListenerContainer configEventContainer(RedisConnectionFactory connectionFactory, RedisKeys keys,
			ChannelCoordinator coordinator) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connectionFactory);
		container.addMessageListener((message, pattern) -> {
			String body = new String(message.getBody(), StandardCharsets.UTF_8);
			try {
				ConfigChanged event = ConfigChanged.fromJson(body);
				if (event.entity() == ConfigChanged.Entity.CHANNEL) {
					coordinator.channelChanged(event.id());
				}
			}
			catch (IllegalArgumentException ex) {
				logger.warn("Ignoring malformed config event: {}", ex.getMessage());
			}
		}, new ChannelTopic(keys.config()));
		return container;
	}

}
