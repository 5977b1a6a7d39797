package io.parx.analytics.latest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Redis names of this installation.
 *
 * @param prefix prefix of every key ({@code PARX_REDIS_PREFIX})
 */
@ConfigurationProperties("parx.redis")
record RedisSettings(@DefaultValue("parx:") String prefix) {

}
