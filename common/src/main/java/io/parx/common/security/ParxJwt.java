package io.parx.common.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * The ParX access token contract (docs/CONTRACTS.md, "Security") in one place: the names
 * the issuer (admin-api) writes and the checks every verifier applies. Verification
 * follows RFC 8725 (JWT best current practice) and RFC 9068 ({@code typ} {@code at+jwt}):
 * one allowed algorithm, explicit type, issuer, audience and expiry.
 */
public final class ParxJwt {

	/**
	 * The only accepted signature algorithm (RFC 8725 §3.1: an allow-list, never "none").
	 */
	public static final SignatureAlgorithm ALGORITHM = SignatureAlgorithm.ES256;

	/** JOSE header {@code typ} of an access token (RFC 9068 §2.1). */
	public static final String TYPE = "at+jwt";

	public static final String ISSUER = "parx";

	public static final String AUDIENCE = "parx";

	/** Claim with the numeric user id. */
	public static final String UID_CLAIM = "uid";

	/** Claim with the list of role names, see {@link Role}. */
	public static final String ROLES_CLAIM = "roles";

	/** Prefix of the granted authority derived from each role. */
	public static final String AUTHORITY_PREFIX = "ROLE_";

	/** Tolerated clock difference between issuer and verifier. */
	public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

	private ParxJwt() {
	}

	/**
	 * The claim and header checks of a ParX access token: {@code exp}/{@code nbf} with
	 * {@link #CLOCK_SKEW}, {@code iss}, {@code aud} and {@code typ}.
	 */
	public static OAuth2TokenValidator<Jwt> validator() {
		JwtTypeValidator type = new JwtTypeValidator(TYPE);
		type.setAllowEmpty(false);
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtTimestampValidator(CLOCK_SKEW));
		validators.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, (exp) -> exp != null));
		validators.add(new JwtIssuerValidator(ISSUER));
		validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
				(aud) -> aud != null && aud.contains(AUDIENCE)));
		validators.add(type);
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	/** A decoder that fetches (and caches) the issuer's public keys from a JWKS URL. */
	public static NimbusJwtDecoder decoderForJwksUrl(String jwksUrl) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwksUrl)
			.jwsAlgorithm(ALGORITHM)
			// typ is checked by validator() with the at+jwt value, not Nimbus' JWT
			// default
			.validateType(false)
			.build();
		decoder.setJwtValidator(validator());
		return decoder;
	}

	/** A decoder over keys at hand, used by the issuer itself. */
	public static NimbusJwtDecoder decoderForKeys(JWKSource<SecurityContext> keys) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
			.jwsAlgorithm(ALGORITHM)
			.jwtProcessorCustomizer((processor) -> processor.setJWSTypeVerifier((type, context) -> {
				// typ is checked by validator(); Nimbus' default would reject at+jwt
			}))
			.build();
		decoder.setJwtValidator(validator());
		return decoder;
	}

	/**
	 * Maps the {@code roles} claim to {@code ROLE_<role>} authorities; unknown roles are
	 * ignored.
	 */
	public static JwtAuthenticationConverter authenticationConverter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(rolesConverter());
		return converter;
	}

	static Converter<Jwt, Collection<GrantedAuthority>> rolesConverter() {
		return (jwt) -> {
			List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
			if (roles == null) {
				return List.of();
			}
			List<GrantedAuthority> authorities = new ArrayList<>();
			for (String role : roles) {
				Role.parse(role).ifPresent((r) -> authorities.add(new SimpleGrantedAuthority(r.authority())));
			}
			return authorities;
		};
	}

}
