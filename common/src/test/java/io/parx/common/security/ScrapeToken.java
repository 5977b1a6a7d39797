package io.parx.common.security;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus's static scrape token in the services' tests: the parent pom sets
 * {@code parx.security.metrics-token} for surefire, so every service starts with it.
 */
public final class ScrapeToken {

	private ScrapeToken() {
	}

	/** The configured token; fails the test when the build did not set it. */
	public static String value() {
		String token = System.getProperty("parx.security.metrics-token");
		assertThat(token).as("parx.security.metrics-token (the parent pom sets it for surefire)").isNotBlank();
		return token;
	}

}
