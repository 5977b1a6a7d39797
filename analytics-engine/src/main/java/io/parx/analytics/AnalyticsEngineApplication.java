package io.parx.analytics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AnalyticsEngineApplication {

	public static void main(String[] args) {
		SpringApplication.run(AnalyticsEngineApplication.class, args);
	}

}
