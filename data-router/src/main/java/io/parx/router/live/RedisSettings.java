package io.parx.router.live;

import io.parx.common.redis.RedisKeys;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Redis naming ({@code parx.redis.*}); the connection itself is Spring Boot's
 * {@code spring.data.redis.url} ({@code PARX_REDIS_URL}).
 *
 * @param prefix prefix of every key and channel ({@code PARX_REDIS_PREFIX})
 */
@ConfigurationProperties("parx.redis")
public record RedisSettings(@DefaultValue(RedisKeys.DEFAULT_PREFIX) String prefix) {

	public RedisKeys keys() {
		return new RedisKeys(this.prefix);
	}

}
