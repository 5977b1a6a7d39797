package io.parx.common.security;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The one security model of the token-verifying services (docs/SECURITY.md): a stateless
 * resource server over {@link ParxJwtAutoConfiguration}'s decoder whose URL rules are, in
 * this order, the open paths of {@link AccessRules#OPEN_PATHS}, the service's own
 * {@link AccessRules} bean (none: no rules), {@code /actuator/**} for administrators, and
 * nothing else. A role rule needs one of its roles as an authority, so a valid token
 * without a ParX role gets 403 everywhere. 401 and 403 are problem+json
 * ({@link SecurityProblems}).
 */
@AutoConfiguration(after = ParxJwtAutoConfiguration.class, beforeName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(HttpSecurity.class)
public class ParxSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain parxSecurityFilterChain(HttpSecurity http, ObjectProvider<AccessRules> serviceRules,
			JwtAuthenticationConverter converter, SecuritySettings settings) throws Exception {
		// a service that declares no rules gets the open paths only, never Boot's default
		// chain with its generated password
		AccessRules rules = serviceRules.getIfAvailable(() -> AccessRules.builder().build());
		SecurityProblems problems = new SecurityProblems();
		MetricsScrapeToken scrape = new MetricsScrapeToken(settings.metricsToken());
		http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> authorize(requests, rules, scrape))
			.oauth2ResourceServer((server) -> server.bearerTokenResolver(scrape.resolver())
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(converter))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	private static void authorize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			AccessRules rules, MetricsScrapeToken scrape) {
		// the error page renders an answer already decided, e.g. a 400 of Tomcat's
		requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
		requests.requestMatchers(AccessRules.OPEN_PATHS.toArray(String[]::new)).permitAll();
		for (AccessRules.Rule rule : rules.rules()) {
			String[] patterns = rule.patterns().toArray(String[]::new);
			var matched = (rule.method() != null) ? requests.requestMatchers(rule.method(), patterns)
					: requests.requestMatchers(patterns);
			if (rule.open()) {
				matched.permitAll();
			}
			else {
				matched.access(AuthorityAuthorizationManager
					.hasAnyAuthority(rule.roles().stream().map(Role::authority).toArray(String[]::new)));
			}
		}
		AuthorizationManager<RequestAuthorizationContext> admin = AuthorityAuthorizationManager
			.hasAuthority(Role.ADMIN.authority());
		// Prometheus with the static scrape token, or an administrator
		requests.requestMatchers(MetricsScrapeToken.PATH)
			.access((authentication, context) -> scrape.matches(context.getRequest()) ? new AuthorizationDecision(true)
					: admin.authorize(authentication, context));
		requests.requestMatchers(AccessRules.ACTUATOR).access(admin);
		requests.anyRequest().denyAll();
	}

}
