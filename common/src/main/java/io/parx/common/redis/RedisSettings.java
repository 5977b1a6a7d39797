package io.parx.common.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code parx.redis} settings every service reads ({@code PARX_REDIS_PREFIX}; the
 * connection itself is Spring Boot's {@code spring.data.redis.url} from
 * {@code PARX_REDIS_URL}). Registered by {@link RedisSettingsAutoConfiguration}, so a
 * service only asks for it.
 *
 * @param prefix prepended to every Redis name (docs/CONTRACTS.md, "Redis")
 */
@ConfigurationProperties("parx.redis")
public record RedisSettings(@DefaultValue(RedisKeys.DEFAULT_PREFIX) String prefix) {

	public RedisSettings {
		// fails start-up on a prefix that RedisKeys would refuse later
		new RedisKeys(prefix);
	}

	public RedisKeys keys() {
		return new RedisKeys(this.prefix);
	}

}
