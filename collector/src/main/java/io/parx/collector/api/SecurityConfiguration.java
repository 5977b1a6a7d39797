package io.parx.collector.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import io.parx.common.security.AccessRules;

/**
 * Who may call what (docs/SECURITY.md): the status is for every role; the channel test
 * and discovery, which connect to devices with the given settings, for engineers and
 * administrators; a write for every role, with the channel's own rules checked by
 * {@code ChannelWriter}; the OPC UA trust list and the collector's own certificate are
 * read by every role, and changed (it decides whom the collector sends passwords to) by
 * engineers and administrators. Open paths, actuator and the rest are common's
 * {@code ParxSecurityAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	AccessRules accessRules() {
		return AccessRules.builder()
			.allow(AccessRules.CONFIGURERS, HttpMethod.POST, "/api/v1/collector/test")
			// discovery of every protocol (issue #20) connects with the given settings,
			// like the test
			.allow(AccessRules.CONFIGURERS, HttpMethod.POST, "/api/v1/collector/discovery/**")
			// every role; the writer lets an OPERATOR write only operatorWritable
			// channels
			.allow(AccessRules.EVERY_ROLE, HttpMethod.POST, "/api/v1/collector/write")
			.allow(AccessRules.EVERY_ROLE, HttpMethod.GET, "/api/v1/collector/status")
			.allow(AccessRules.EVERY_ROLE, HttpMethod.GET, "/api/v1/collector/opcua/certificates",
					"/api/v1/collector/opcua/certificates/own")
			.allow(AccessRules.CONFIGURERS, HttpMethod.POST, "/api/v1/collector/opcua/certificates/*/trust")
			.allow(AccessRules.CONFIGURERS, HttpMethod.DELETE, "/api/v1/collector/opcua/certificates/*")
			.build();
	}

}
