package io.parx.storage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StorageEngineApplication {

	public static void main(String[] args) {
		SpringApplication.run(StorageEngineApplication.class, args);
	}

}
