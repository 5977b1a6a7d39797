package io.parx.common.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;

class ParxJwtAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ParxJwtAutoConfiguration.class));

	@Test
	void decoderVerifiesTokensFromTheConfiguredJwksUrl() {
		try (TestTokens tokens = TestTokens.start()) {
			this.runner.withPropertyValues("parx.security.jwks-url=" + tokens.jwksUrl()).run((context) -> {
				assertThat(context).hasSingleBean(JwtDecoder.class).hasSingleBean(JwtAuthenticationConverter.class);
				JwtDecoder decoder = context.getBean(JwtDecoder.class);
				assertThat(decoder.decode(tokens.token("carol", "ENGINEER")).getSubject()).isEqualTo("carol");
			});
		}
	}

	@Test
	void jwksUrlDefaultsToTheAdminApi() {
		this.runner.run((context) -> assertThat(context.getBean(SecuritySettings.class).jwksUrl())
			.isEqualTo("http://localhost:3000/.well-known/jwks.json"));
	}

	@Test
	void serviceOwnDecoderWins() {
		// the admin-api verifies its own tokens with the local key instead of HTTP
		this.runner.withUserConfiguration(OwnDecoder.class)
			.run((context) -> assertThat(context.getBean(JwtDecoder.class)).isSameAs(OwnDecoder.DECODER));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnDecoder {

		static final JwtDecoder DECODER = (token) -> {
			throw new UnsupportedOperationException();
		};

		@Bean
		JwtDecoder ownDecoder() {
			return DECODER;
		}

	}

}
