package io.parx.admin.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.parx.common.redis.RedisKeys;

/**
 * The shared Redis prefix ({@code PARX_REDIS_PREFIX}) as the login throttle uses it.
 *
 * @param prefix prefix of every Redis key; throttle keys are {@code <prefix>auth:fail:*}
 * and {@code <prefix>auth:block:*}
 */
@ConfigurationProperties("parx.redis")
record AuthRedisSettings(@DefaultValue(RedisKeys.DEFAULT_PREFIX) String prefix) {

	AuthRedisSettings {
		new RedisKeys(prefix);
	}

}
