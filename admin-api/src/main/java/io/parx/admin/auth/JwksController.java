package io.parx.admin.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public signing key as a JWKS (RFC 7517), for the token-verifying services. */
@RestController
class JwksController {

	private final SigningKey key;

	JwksController(SigningKey key) {
		this.key = key;
	}

	@Operation(operationId = "getJwks", summary = "The public key that signs access tokens (public)",
			description = "For the services that verify tokens; cacheable for 5 minutes.")
	@Tag(name = "Authentication")
	@SecurityRequirements
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JwkSet.class)))
	@GetMapping(path = "/.well-known/jwks.json", produces = "application/json")
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(this.key.jwks());
	}

	/**
	 * The answer as the OpenAPI document describes it (RFC 7517 §5). Documentation only.
	 */
	@Schema(name = "JwkSet", requiredProperties = { "keys" })
	record JwkSet(List<Jwk> keys) {

	}

	/** A public EC key (RFC 7517 §4, RFC 7518 §6.2.1). */
	@Schema(name = "Jwk", requiredProperties = { "kty", "use", "crv", "kid", "x", "y", "alg" })
	record Jwk(@Schema(allowableValues = "EC") String kty, @Schema(allowableValues = "sig") String use,
			@Schema(allowableValues = "P-256") String crv, String kid, String x, String y,
			@Schema(allowableValues = "ES256") String alg) {

	}

}
