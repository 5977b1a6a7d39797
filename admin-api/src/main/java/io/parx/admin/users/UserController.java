package io.parx.admin.users;

import java.net.URI;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.parx.admin.audit.Actor;
import io.parx.admin.system.Problems;
import io.parx.common.security.ParxJwt;
import io.parx.common.security.Role;

/**
 * User administration (ADMIN, enforced by the URL rules) and the password change every
 * user may make for their own account.
 */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

	static final int MAX_PAGE_SIZE = 500;

	private final UserService service;

	private final UserRepository users;

	UserController(UserService service, UserRepository users) {
		this.service = service;
		this.users = users;
	}

	@GetMapping
	@Transactional(readOnly = true)
	PagedModel<UserView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (page < 0) {
			throw Problems.validation("page", "must be 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw Problems.validation("size", "must be between 1 and " + MAX_PAGE_SIZE);
		}
		return new PagedModel<>(this.users.findAll(PageRequest.of(page, size, Sort.by("username"))).map(UserView::of));
	}

	@GetMapping("/{id}")
	@Transactional(readOnly = true)
	UserView get(@PathVariable long id) {
		return UserView.of(this.service.find(id));
	}

	@PostMapping
	ResponseEntity<UserView> create(@RequestBody NewUser body) {
		UserView created = this.service.create(Actor.current(), body.username(), body.password(), body.role());
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	UserView update(@PathVariable long id, @RequestBody UserChange body) {
		return this.service.update(id, body.role(), body.enabled(), body.version());
	}

	/** Open to every signed-in user for their own account, to ADMIN for any account. */
	@PutMapping("/{id}/password")
	ResponseEntity<Void> changePassword(@PathVariable long id, @RequestBody PasswordChange body,
			@AuthenticationPrincipal Jwt principal) {
		boolean self = userId(principal) == id;
		boolean admin = principal.getClaimAsStringList(ParxJwt.ROLES_CLAIM).contains(Role.ADMIN.name());
		if (!self && !admin) {
			throw Problems.forbidden("you can only change your own password");
		}
		this.service.changePassword(id, body.currentPassword(), body.newPassword(), self);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal Jwt principal) {
		this.service.delete(id, userId(principal));
		return ResponseEntity.noContent().build();
	}

	private static long userId(Jwt principal) {
		Object uid = principal.getClaim(ParxJwt.UID_CLAIM);
		return (uid instanceof Number number) ? number.longValue() : -1;
	}

	record NewUser(String username, String password, String role) {
	}

	/** {@code version} is optional; when given, a stale value is a 409. */
	record UserChange(String role, Boolean enabled, Long version) {
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}

}
