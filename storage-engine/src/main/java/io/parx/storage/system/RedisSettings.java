package io.parx.storage.system;

import io.parx.common.redis.RedisKeys;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Redis names ({@code PARX_REDIS_PREFIX}).
 *
 * @param prefix prefix of every key and channel, {@code parx:} by default
 */
@ConfigurationProperties("parx.redis")
public record RedisSettings(@DefaultValue(RedisKeys.DEFAULT_PREFIX) String prefix) {

	public RedisKeys keys() {
		return new RedisKeys(this.prefix);
	}

}
