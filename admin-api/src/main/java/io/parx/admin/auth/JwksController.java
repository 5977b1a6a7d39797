package io.parx.admin.auth;

import java.time.Duration;
import java.util.Map;

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

	@GetMapping(path = "/.well-known/jwks.json", produces = "application/json")
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(this.key.jwks());
	}

}
