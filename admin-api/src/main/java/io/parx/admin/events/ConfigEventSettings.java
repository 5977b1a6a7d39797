package io.parx.admin.events;

import io.parx.common.redis.RedisKeys;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where configuration events go.
 *
 * @param prefix prefix of every Redis key and channel ({@code PARX_REDIS_PREFIX}); events
 * are published on {@code <prefix>config}
 */
@ConfigurationProperties("parx.redis")
public record ConfigEventSettings(@DefaultValue(RedisKeys.DEFAULT_PREFIX) String prefix) {

	RedisKeys keys() {
		return new RedisKeys(this.prefix);
	}

}
