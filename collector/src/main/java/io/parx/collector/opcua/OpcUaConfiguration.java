package io.parx.collector.opcua;

import java.nio.file.Path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The OPC UA PKI bean: in {@code parx.collector.opcua.pki-dir}, else in
 * {@code $PARX_DATA_DIR/opcua/pki} (CONTRACTS.md: local state lives in PARX_DATA_DIR).
 */
@Configuration(proxyBeanMethods = false)
class OpcUaConfiguration {

	@Bean
	OpcUaPki opcUaPki(OpcUaSettings settings, Environment environment) {
		String dataDir = environment.getProperty("PARX_DATA_DIR", "./data");
		return OpcUaPki.of(settings, Path.of(dataDir, "opcua", "pki"));
	}

}
