package io.parx.collector.api;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Resource server with common's JWT verification (ParxJwtAutoConfiguration): health and
 * API documentation are public; the status is for every role; the channel test, which
 * connects to devices with the given settings, for engineers and administrators; the OPC
 * UA trust list and the collector's own certificate are read by every role, and changed
 * (it decides whom the collector sends passwords to) by engineers and administrators.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((authorize) -> authorize
			.requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
					"/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/v1/collector/test")
			.hasAnyRole("ADMIN", "ENGINEER")
			.requestMatchers(HttpMethod.GET, "/api/v1/collector/status")
			.hasAnyRole("ADMIN", "ENGINEER", "OPERATOR")
			.requestMatchers(HttpMethod.GET, "/api/v1/collector/opcua/certificates",
					"/api/v1/collector/opcua/certificates/own")
			.hasAnyRole("ADMIN", "ENGINEER", "OPERATOR")
			.requestMatchers("/api/v1/collector/opcua/certificates/**")
			.hasAnyRole("ADMIN", "ENGINEER")
			.anyRequest()
			.authenticated())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.oauth2ResourceServer((oauth2) -> oauth2.jwt(Customizer.withDefaults())
				.authenticationEntryPoint((request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED,
						"/problems/unauthorized", "A valid access token is required."))
				.accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
						"/problems/forbidden", "Your role does not allow this.")))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED,
						"/problems/unauthorized", "A valid access token is required."))
				.accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
						"/problems/forbidden", "Your role does not allow this.")));
		return http.build();
	}

	private static void problem(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String type,
			String detail) throws java.io.IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		response.getWriter()
			.write("{\"type\":\"" + URI.create(type) + "\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
					+ status.value() + ",\"detail\":\"" + detail + "\"}");
	}

}
