package io.parx.storage.alarms;

import java.time.Clock;
import javax.sql.DataSource;

import io.lettuce.core.RedisClient;
import io.parx.common.audit.AuditTrail;
import io.parx.common.redis.RedisKeys;
import io.parx.storage.failover.IngestLease;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** The alarm endpoints' collaborators. */
@Configuration(proxyBeanMethods = false)
class AlarmConfiguration {

	@Bean
	AlarmCommands alarmCommands(AlarmSettings settings, IngestLease lease, RemoteAlarmCommands remote) {
		return new AlarmCommands(settings.commandTimeout(), lease::isValid, remote);
	}

	@Bean
	RemoteAlarmCommands remoteAlarmCommands(LettuceConnectionFactory redis, RedisKeys keys, AuditTrail audit,
			AlarmStore store) {
		return new RemoteAlarmCommands(() -> (RedisClient) redis.getRequiredNativeClient(), keys, audit, store);
	}

	@Bean
	AlarmQueries alarmQueries(DataSource dataSource) {
		return new AlarmQueries(dataSource);
	}

	@Bean
	Clock alarmClock() {
		return Clock.systemUTC();
	}

}
