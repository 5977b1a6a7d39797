package io.parx.router;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DataRouterApplication {

	public static void main(String[] args) {
		SpringApplication.run(DataRouterApplication.class, args);
	}

}
