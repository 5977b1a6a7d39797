package io.parx.admin.events;

import io.parx.common.config.ConfigChanged;
import io.parx.common.redis.RedisSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Publishes committed configuration changes on the Redis {@code <prefix>config} channel
 * (docs/CONTRACTS.md, "Config events"). Pub/sub is fire-and-forget: a receiver that was
 * away reloads everything when it reconnects, so a failed publish is logged, not retried,
 * and never turns a committed change into an error.
 */
@Component
class RedisConfigEventRelay {

	private static final Logger log = LoggerFactory.getLogger(RedisConfigEventRelay.class);

	private final StringRedisTemplate redis;

	private final String channel;

	RedisConfigEventRelay(StringRedisTemplate redis, RedisSettings settings) {
		this.redis = redis;
		this.channel = settings.keys().config();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void relay(ConfigChanged event) {
		try {
			this.redis.convertAndSend(this.channel, event.toJson());
		}
		catch (RuntimeException ex) {
			log.warn("Could not publish {} on {}: {}", event.toJson(), this.channel, ex.getMessage());
		}
	}

}
