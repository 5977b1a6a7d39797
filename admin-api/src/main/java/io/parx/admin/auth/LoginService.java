package io.parx.admin.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import io.parx.common.audit.Actor;
import io.parx.common.audit.AuditActions;
import io.parx.common.audit.AuditTrail;
import io.parx.common.problem.Problems;
import io.parx.admin.users.User;
import io.parx.admin.users.UserRepository;

/**
 * Sign-in, token refresh and sign-out. A wrong user name and a wrong password get the
 * same answer after the same work (a password hash is always checked, against a dummy
 * hash for unknown users), so the answer does not reveal which accounts exist (OWASP ASVS
 * V2.2).
 */
@Service
class LoginService {

	static final String BAD_CREDENTIALS = "wrong user name or password";

	private static final Logger log = LoggerFactory.getLogger(LoginService.class);

	private final UserRepository users;

	private final PasswordEncoder encoder;

	private final AccessTokens accessTokens;

	private final RefreshTokens refreshTokens;

	private final LoginThrottle throttle;

	private final AuditTrail audit;

	private final String dummyHash;

	LoginService(UserRepository users, PasswordEncoder encoder, AccessTokens accessTokens, RefreshTokens refreshTokens,
			LoginThrottle throttle, AuditTrail audit) {
		this.users = users;
		this.encoder = encoder;
		this.accessTokens = accessTokens;
		this.refreshTokens = refreshTokens;
		this.throttle = throttle;
		this.audit = audit;
		this.dummyHash = encoder.encode(UUID.randomUUID().toString());
	}

	/**
	 * The longest user name there can be (users are created with 3 to 100 characters).
	 */
	static final int MAX_USERNAME_LENGTH = 100;

	/** Far above bcrypt's 72 bytes, which is all that is ever checked. */
	static final int MAX_PASSWORD_LENGTH = 1024;

	TokenPair login(String username, String password) {
		List<Problems.FieldError> errors = new ArrayList<>();
		// lengths first: no user name is longer than 100, and nothing longer may reach
		// the
		// throttle, the database or the log
		if (username == null || username.isBlank()) {
			errors.add(new Problems.FieldError("username", "is required"));
		}
		else if (username.length() > MAX_USERNAME_LENGTH) {
			errors.add(new Problems.FieldError("username", "must be at most " + MAX_USERNAME_LENGTH + " characters"));
		}
		if (password == null || password.isEmpty()) {
			errors.add(new Problems.FieldError("password", "is required"));
		}
		else if (password.length() > MAX_PASSWORD_LENGTH) {
			errors.add(new Problems.FieldError("password", "must be at most " + MAX_PASSWORD_LENGTH + " characters"));
		}
		if (!errors.isEmpty()) {
			throw Problems.validation(errors);
		}
		String clientIp = Actor.currentClientIp();
		Optional<Duration> wait = this.throttle.blocked(username, clientIp);
		if (wait.isPresent()) {
			log.info("Sign-in of '{}' from {} throttled for {}", username, clientIp, wait.get());
			throw Problems.tooManyRequests("too many failed sign-ins; try again later", wait.get());
		}
		Optional<User> user = this.users.findByUsernameIgnoreCase(username);
		boolean passwordMatches = matches(password, user.map(User::getPasswordHash).orElse(this.dummyHash));
		if (user.isEmpty() || !passwordMatches || !user.get().isEnabled()) {
			this.throttle.failed(username, clientIp);
			String reason = user.isEmpty() ? "unknown user" : (!passwordMatches ? "wrong password" : "user disabled");
			this.audit.record(Actor.of(shorten(username), user.map(User::getId).orElse(null)),
					AuditActions.LOGIN_FAILED, "user", user.map(User::getId).orElse(null), null, null, reason);
			throw Problems.unauthorized(BAD_CREDENTIALS);
		}
		User signedIn = user.get();
		this.throttle.succeeded(username);
		this.audit.record(Actor.of(signedIn.getUsername(), signedIn.getId()), AuditActions.LOGIN, "user",
				signedIn.getId(), null, null, null);
		return pair(signedIn, this.refreshTokens.issue(signedIn.getId()));
	}

	TokenPair refresh(String refreshToken) {
		requireToken(refreshToken);
		return switch (this.refreshTokens.rotate(refreshToken)) {
			case RefreshTokens.Rotation.Rotated rotated -> {
				Optional<User> user = this.users.findById(rotated.userId()).filter(User::isEnabled);
				if (user.isEmpty()) {
					this.refreshTokens.revoke(rotated.newToken());
					throw Problems.unauthorized("the account no longer exists or is disabled");
				}
				yield pair(user.get(), rotated.newToken());
			}
			case RefreshTokens.Rotation.Reused reused -> {
				String username = this.users.findById(reused.userId()).map(User::getUsername).orElse(null);
				this.audit.record(Actor.of(username, reused.userId()), AuditActions.TOKEN_REUSE, "user",
						reused.userId(), null, null,
						"spent refresh token presented again; family " + reused.familyId() + " revoked");
				throw Problems.unauthorized("this refresh token was already used; every session of that sign-in "
						+ "has been ended, sign in again");
			}
			case RefreshTokens.Rotation.Rejected rejected -> throw Problems.unauthorized(rejected.reason());
		};
	}

	void logout(String refreshToken) {
		requireToken(refreshToken);
		this.refreshTokens.revoke(refreshToken).ifPresent((userId) -> {
			String username = this.users.findById(userId).map(User::getUsername).orElse(null);
			this.audit.record(Actor.of(username, userId), AuditActions.LOGOUT, "user", userId, null, null, null);
		});
	}

	private TokenPair pair(User user, String refreshToken) {
		return new TokenPair(this.accessTokens.issue(user.getUsername(), user.getId(), user.getRole()), refreshToken,
				this.accessTokens.lifetimeSeconds());
	}

	private boolean matches(String password, String hash) {
		try {
			return this.encoder.matches(password, hash);
		}
		catch (IllegalArgumentException ex) {
			// bcrypt refuses more than 72 bytes: such a password was never set
			return false;
		}
	}

	private static void requireToken(String refreshToken) {
		if (refreshToken == null || refreshToken.isBlank()) {
			throw Problems.validation("refreshToken", "is required");
		}
	}

	private static String shorten(String username) {
		return (username.length() > 100) ? username.substring(0, 100) : username;
	}

}
