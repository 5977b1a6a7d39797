package io.parx.storage.alarms;

import java.time.Clock;
import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The alarm endpoints' collaborators. */
@Configuration(proxyBeanMethods = false)
class AlarmConfiguration {

	@Bean
	AlarmCommands alarmCommands(AlarmSettings settings) {
		return new AlarmCommands(settings.commandTimeout());
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
