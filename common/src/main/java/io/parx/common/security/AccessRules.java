package io.parx.common.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpMethod;

/**
 * Which role may call which endpoint of one service, declared by the service as a bean
 * and enforced by {@link ParxSecurityAutoConfiguration} together with the rules every
 * service shares (docs/SECURITY.md): health and the API documentation are open, every
 * other {@code /actuator} endpoint is for {@link Role#ADMIN}, a token without a ParX role
 * may call nothing but open endpoints, and whatever no rule names is denied. Rules are
 * checked in the order they were added; the first match wins.
 */
public final class AccessRules {

	/** Every ParX role: reading live data, history and configuration. */
	public static final Set<Role> EVERY_ROLE = Collections.unmodifiableSet(EnumSet.allOf(Role.class));

	/** Engineers and administrators: changing the configuration. */
	public static final Set<Role> CONFIGURERS = Collections.unmodifiableSet(EnumSet.of(Role.ENGINEER, Role.ADMIN));

	/** Administrators only. */
	public static final Set<Role> ADMINS = Collections.unmodifiableSet(EnumSet.of(Role.ADMIN));

	/** Open on every service: health probes and the API documentation. */
	public static final List<String> OPEN_PATHS = List.of("/actuator/health", "/actuator/health/**", "/v3/api-docs",
			"/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**");

	/**
	 * Every other actuator endpoint (metrics, prometheus, info) is for administrators.
	 */
	public static final String ACTUATOR = "/actuator/**";

	private final List<Rule> rules;

	private AccessRules(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	public static Builder builder() {
		return new Builder();
	}

	/** The service's own rules, in order. */
	public List<Rule> rules() {
		return this.rules;
	}

	/**
	 * One rule.
	 *
	 * @param method the HTTP method, {@code null} for any
	 * @param patterns path patterns ({@code PathPattern} syntax)
	 * @param roles who may call; empty means open to anyone, with or without a token
	 */
	public record Rule(HttpMethod method, List<String> patterns, Set<Role> roles) {

		public Rule {
			patterns = List.copyOf(patterns);
			roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
		}

		public boolean open() {
			return this.roles.isEmpty();
		}

	}

	public static final class Builder {

		private final List<Rule> rules = new ArrayList<>();

		private Builder() {
		}

		/** Open to anyone, e.g. signing in or a public key set. */
		public Builder open(HttpMethod method, String... patterns) {
			this.rules.add(new Rule(method, List.of(patterns), Set.of()));
			return this;
		}

		/** For these roles; {@code method} {@code null} means any method. */
		public Builder allow(Set<Role> roles, HttpMethod method, String... patterns) {
			if (roles.isEmpty()) {
				throw new IllegalArgumentException("a rule needs at least one role; use open(...) for open endpoints");
			}
			this.rules.add(new Rule(method, List.of(patterns), roles));
			return this;
		}

		/** For these roles, any method. */
		public Builder allow(Set<Role> roles, String... patterns) {
			return allow(roles, null, patterns);
		}

		public AccessRules build() {
			return new AccessRules(this.rules);
		}

	}

}
