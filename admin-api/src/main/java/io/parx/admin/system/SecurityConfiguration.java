package io.parx.admin.system;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call which URL of the admin-api: the role matrix of docs/SECURITY.md. Stateless
 * bearer tokens only (no session, so no CSRF surface); tokens are checked by the
 * {@code JwtDecoder} of the auth package.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, JwtAuthenticationConverter converter, JsonMapper json)
			throws Exception {
		SecurityProblems problems = new SecurityProblems(json);
		http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests
				// public: signing in, the public keys, health and the API description
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/.well-known/jwks.json")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
						"/swagger-ui.html", "/swagger-ui/**", "/error")
				.permitAll()
				// everyone changes their own password; the controller checks it is their
				// own
				.requestMatchers(HttpMethod.PUT, "/api/v1/users/*/password")
				.authenticated()
				.requestMatchers("/api/v1/users", "/api/v1/users/**", "/api/v1/audit", "/api/v1/audit/**")
				.hasRole("ADMIN")
				.requestMatchers("/api/v1/auth/**")
				.authenticated()
				// reading is for every role; exporting a dashboard template is a read
				.requestMatchers(HttpMethod.GET, "/api/v1/**")
				.authenticated()
				.requestMatchers(HttpMethod.POST, "/api/v1/dashboards/*/export")
				.authenticated()
				// configuring channels, storage rules, batches, dashboards, derived
				// signals
				.requestMatchers("/api/v1/**")
				.hasAnyRole("ENGINEER", "ADMIN")
				.requestMatchers("/actuator/**")
				.hasRole("ADMIN")
				.anyRequest()
				.denyAll())
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.jwtAuthenticationConverter(converter))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

}
