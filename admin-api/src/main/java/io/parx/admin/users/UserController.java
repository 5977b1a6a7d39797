package io.parx.admin.users;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

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

import io.parx.common.audit.Actor;
import io.parx.admin.system.PageMetadata;
import io.parx.common.problem.Problems;
import io.parx.common.security.ParxJwt;
import io.parx.common.security.Role;

/**
 * User administration (ADMIN, enforced by the URL rules) and the password change every
 * user may make for their own account.
 */
@RestController
@Tag(name = "Users", description = "User administration (ADMIN) and your own password; see docs/SECURITY.md")
@RequestMapping("/api/v1/users")
class UserController {

	static final int MAX_PAGE_SIZE = 500;

	private final UserService service;

	private final UserRepository users;

	UserController(UserService service, UserRepository users) {
		this.service = service;
		this.users = users;
	}

	@Operation(operationId = "listUsers", summary = "List users, by user name (ADMIN)")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PagedUsers.class)))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@GetMapping
	@Transactional(readOnly = true)
	PagedModel<UserView> list(
			@Parameter(description = "From 0",
					schema = @Schema(type = "integer", format = "int32", minimum = "0",
							defaultValue = "0")) @RequestParam(defaultValue = "0") int page,
			@Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "500",
					defaultValue = "50")) @RequestParam(defaultValue = "50") int size) {
		if (page < 0) {
			throw Problems.validation("page", "must be 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw Problems.validation("size", "must be between 1 and " + MAX_PAGE_SIZE);
		}
		return new PagedModel<>(this.users.findAll(PageRequest.of(page, size, Sort.by("username"))).map(UserView::of));
	}

	@Operation(operationId = "getUser", summary = "One user (ADMIN)")
	@ApiResponse(responseCode = "200")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@GetMapping("/{id}")
	@Transactional(readOnly = true)
	UserView get(@PathVariable long id) {
		return UserView.of(this.service.find(id));
	}

	@Operation(operationId = "createUser", summary = "Create a user (ADMIN)")
	@ApiResponse(responseCode = "201")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "409", ref = "Conflict")
	@PostMapping
	ResponseEntity<UserView> create(@RequestBody NewUser body) {
		UserView created = this.service.create(Actor.current(), body.username(), body.password(), body.role());
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
	}

	@Operation(operationId = "updateUser",
			summary = "Change a user's role and/or enabled state (ADMIN); ends the user's sessions")
	@ApiResponse(responseCode = "200")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "409", ref = "VersionConflict")
	@PutMapping("/{id}")
	UserView update(@PathVariable long id, @RequestBody UserChange body) {
		return this.service.update(id, body.role(), body.enabled(), body.version());
	}

	/** Open to every signed-in user for their own account, to ADMIN for any account. */
	@Operation(operationId = "changePassword",
			summary = "Change a password: your own (every role, with currentPassword) or anyone's (ADMIN); ends the "
					+ "user's sessions")
	@ApiResponse(responseCode = "204")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "404", ref = "NotFound")
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

	@Operation(operationId = "deleteUser",
			summary = "Delete a user (ADMIN); not your own account nor the last enabled administrator")
	@ApiResponse(responseCode = "204")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "409", ref = "Conflict")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal Jwt principal) {
		this.service.delete(id, userId(principal));
		return ResponseEntity.noContent().build();
	}

	private static long userId(Jwt principal) {
		Object uid = principal.getClaim(ParxJwt.UID_CLAIM);
		return (uid instanceof Number number) ? number.longValue() : -1;
	}

	@Schema(requiredProperties = { "username", "password", "role" })
	record NewUser(
			@Schema(description = "3 to 100 letters, digits and . _ @ -; unique regardless of case", minLength = 3,
					maxLength = 100) String username,
			@Schema(description = "8 characters to 72 bytes (UTF-8)", minLength = 8) String password,
			@Schema(implementation = Role.class) String role) {
	}

	/** {@code version} is optional; when given, a stale value is a 409. */
	record UserChange(@Schema(implementation = Role.class) String role, Boolean enabled,
			@Schema(description = "The version edited; when sent, a stale one is a 409") Long version) {
	}

	@Schema(requiredProperties = { "newPassword" })
	record PasswordChange(@Schema(description = "Needed to change your own password") String currentPassword,
			@Schema(description = "8 characters to 72 bytes (UTF-8)", minLength = 8) String newPassword) {
	}

	/** The list answer, as the OpenAPI document describes it. Documentation only. */
	@Schema(name = "PagedUsers", requiredProperties = { "content", "page" })
	record PagedUsers(List<UserView> content, PageMetadata page) {
	}

}
