package io.parx.admin.auth;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.parx.common.problem.Problems;
import io.parx.admin.users.User;
import io.parx.admin.users.UserRepository;
import io.parx.common.security.ParxJwt;
import io.parx.common.security.Role;

/** Sign-in, refresh, sign-out and "who am I". */
@RestController
@Tag(name = "Authentication", description = "Sign-in, token refresh and sign-out; see docs/SECURITY.md")
@RequestMapping("/api/v1/auth")
class AuthController {

	private final LoginService login;

	private final UserRepository users;

	AuthController(LoginService login, UserRepository users) {
		this.login = login;
		this.users = users;
	}

	@Operation(operationId = "login", summary = "Sign in: an access token and a refresh token (public)",
			description = "A wrong user name, a wrong password and a disabled account get the same 401. Repeated "
					+ "failures of an account or address are throttled (429 with Retry-After).")
	@SecurityRequirements
	@ApiResponse(responseCode = "200", description = "Never cached (Cache-Control: no-store)")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "401", ref = "Unauthorized")
	@ApiResponse(responseCode = "429", ref = "TooManyRequests")
	@PostMapping("/login")
	ResponseEntity<TokenPair> login(@RequestBody Credentials body) {
		return noStore(this.login.login(body.username(), body.password()));
	}

	@Operation(operationId = "refreshTokens",
			summary = "A new pair of tokens for a refresh token, which is spent (public)",
			description = "A refresh token presented a second time revokes every token of its sign-in.")
	@SecurityRequirements
	@ApiResponse(responseCode = "200", description = "Never cached (Cache-Control: no-store)")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "401", ref = "Unauthorized")
	@PostMapping("/refresh")
	ResponseEntity<TokenPair> refresh(@RequestBody RefreshRequest body) {
		return noStore(this.login.refresh(body.refreshToken()));
	}

	@Operation(operationId = "logout",
			summary = "Sign out: revokes the refresh token and its family (public); the access token runs out by "
					+ "itself")
	@SecurityRequirements
	@ApiResponse(responseCode = "204")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@PostMapping("/logout")
	ResponseEntity<Void> logout(@RequestBody RefreshRequest body) {
		this.login.logout(body.refreshToken());
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "getCurrentUser", summary = "Who you are, and when your access token expires")
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

	@Schema(requiredProperties = { "username", "password" })
	record Credentials(String username, String password) {
	}

	@Schema(requiredProperties = { "refreshToken" })
	record RefreshRequest(String refreshToken) {
	}

	/**
	 * The signed-in user; {@code tokenExpiresAt} is when the presented access token ends.
	 */
	@Schema(name = "CurrentUser", requiredProperties = { "id", "username", "role", "enabled", "tokenExpiresAt" })
	record Me(long id, String username, Role role, boolean enabled, Instant tokenExpiresAt) {
	}

}
