package io.parx.collector.publish;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Shared Redis naming ({@code parx.redis}).
 *
 * @param prefix prefix of every key and channel ({@code PARX_REDIS_PREFIX})
 */
@ConfigurationProperties("parx.redis")
public record RedisSettings(@DefaultValue("parx:") String prefix) {

}
