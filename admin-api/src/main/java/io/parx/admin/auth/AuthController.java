package io.parx.admin.auth;

import java.time.Instant;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.parx.admin.system.Problems;
import io.parx.admin.users.User;
import io.parx.admin.users.UserRepository;
import io.parx.common.security.ParxJwt;
import io.parx.common.security.Role;

/** Sign-in, refresh, sign-out and "who am I". */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

	private final LoginService login;

	private final UserRepository users;

	AuthController(LoginService login, UserRepository users) {
		this.login = login;
		this.users = users;
	}

	@PostMapping("/login")
	ResponseEntity<TokenPair> login(@RequestBody Credentials body) {
		return noStore(this.login.login(body.username(), body.password()));
	}

	@PostMapping("/refresh")
	ResponseEntity<TokenPair> refresh(@RequestBody RefreshRequest body) {
		return noStore(this.login.refresh(body.refreshToken()));
	}

	@PostMapping("/logout")
	ResponseEntity<Void> logout(@RequestBody RefreshRequest body) {
		this.login.logout(body.refreshToken());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/me")
	Me me(@AuthenticationPrincipal Jwt principal) {
		Object uid = principal.getClaim(ParxJwt.UID_CLAIM);
		User user = (uid instanceof Number number) ? this.users.findById(number.longValue()).orElse(null) : null;
		if (user == null) {
			throw Problems.unauthorized("the account of this token no longer exists");
		}
		return new Me(user.getId(), user.getUsername(), user.getRole(), user.isEnabled(), principal.getExpiresAt());
	}

	// RFC 6749 §5.1: token responses must not be cached
	private static ResponseEntity<TokenPair> noStore(TokenPair pair) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(pair);
	}

	record Credentials(String username, String password) {
	}

	record RefreshRequest(String refreshToken) {
	}

	/**
	 * The signed-in user; {@code tokenExpiresAt} is when the presented access token ends.
	 */
	record Me(long id, String username, Role role, boolean enabled, Instant tokenExpiresAt) {
	}

}
