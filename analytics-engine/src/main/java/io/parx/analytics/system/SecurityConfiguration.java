package io.parx.analytics.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Resource server on ParX access tokens (verified by common's auto-configuration). Every
 * API needs a token; OPERATOR reads and exports; saving and deleting derived signals
 * needs ENGINEER or ADMIN (docs/SECURITY.md).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		SecurityProblems problems = new SecurityProblems();
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/actuator/health/**", "/actuator/health", "/v3/api-docs/**", "/swagger-ui/**",
						"/swagger-ui.html")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/analytics/derived/signals")
				.hasAnyRole("ENGINEER", "ADMIN")
				.requestMatchers(HttpMethod.DELETE, "/api/v1/analytics/derived/signals/**")
				.hasAnyRole("ENGINEER", "ADMIN")
				.requestMatchers("/api/v1/analytics/**")
				.hasAnyRole("OPERATOR", "ENGINEER", "ADMIN")
				.anyRequest()
				.authenticated())
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems));
		return http.build();
	}

}
