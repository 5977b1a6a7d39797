package io.parx.common.redis;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Makes {@link RedisSettings} available in every service that has {@code common}. */
@AutoConfiguration
@EnableConfigurationProperties(RedisSettings.class)
public class RedisSettingsAutoConfiguration {

}
