package io.parx.admin.users;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.parx.common.audit.Actor;
import io.parx.common.audit.AuditActions;
import io.parx.common.audit.AuditTrail;
import io.parx.admin.events.ConfigEvents;
import io.parx.common.problem.Problems;
import io.parx.common.config.ConfigChanged.Entity;
import io.parx.common.security.Role;
import io.parx.common.web.TextRules;

/**
 * Creates, changes and deletes users. Every change is audited in its transaction, and
 * changes to credentials end the user's sessions ({@link UserCredentialsChanged}) and are
 * announced on the config channel after commit (entity {@code user}), so services holding
 * sessions can drop them. The last enabled administrator can be neither demoted, disabled
 * nor deleted.
 */
@Service
class UserService {

	static final String ENTITY = "user";

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,100}");

	private final UserRepository users;

	private final PasswordEncoder encoder;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final ConfigEvents configEvents;

	private final Clock clock;

	UserService(UserRepository users, PasswordEncoder encoder, AuditTrail audit, ApplicationEventPublisher events,
			ConfigEvents configEvents, Clock clock) {
		this.users = users;
		this.encoder = encoder;
		this.audit = audit;
		this.events = events;
		this.configEvents = configEvents;
		this.clock = clock;
	}

	@Transactional
	UserView create(Actor actor, String username, String password, String role) {
		List<Problems.FieldError> errors = new ArrayList<>();
		if (username == null || !USERNAME.matcher(username).matches()) {
			errors.add(new Problems.FieldError("username",
					"must be 3 to 100 characters: letters, digits, '.', '_', '@' or '-'"));
		}
		String passwordProblem = PasswordPolicy.violation(password);
		if (passwordProblem != null) {
			errors.add(new Problems.FieldError("password", passwordProblem));
		}
		Role parsedRole = parseRole(role, errors);
		if (!errors.isEmpty()) {
			throw Problems.validation(errors);
		}
		if (this.users.existsByUsernameIgnoreCase(username)) {
			throw Problems.conflict("a user named '" + TextRules.prefix(username) + "' already exists");
		}
		User user = this.users
			.saveAndFlush(new User(username, this.encoder.encode(password), parsedRole, this.clock.instant()));
		UserView view = UserView.of(user);
		this.audit.record(actor, AuditActions.CREATE, ENTITY, user.getId(), null, view, null);
		this.configEvents.created(Entity.USER, user.getId(), user.getVersion());
		return view;
	}

	/** Changes role and/or enabled state; {@code null} leaves a field as it is. */
	@Transactional
	UserView update(long id, String role, Boolean enabled, Long expectedVersion) {
		List<Problems.FieldError> errors = new ArrayList<>();
		Role newRole = (role != null) ? parseRole(role, errors) : null;
		if (role == null && enabled == null) {
			errors.add(new Problems.FieldError("role", "give a new role or enabled state"));
		}
		if (!errors.isEmpty()) {
			throw Problems.validation(errors);
		}
		User user = find(id);
		if (expectedVersion != null && expectedVersion != user.getVersion()) {
			throw new OptimisticLockingFailureException("user " + id + " has version " + user.getVersion());
		}
		UserView before = UserView.of(user);
		boolean losesAdmin = user.getRole() == Role.ADMIN && user.isEnabled()
				&& ((newRole != null && newRole != Role.ADMIN) || Boolean.FALSE.equals(enabled));
		if (losesAdmin) {
			requireAnotherAdmin();
		}
		if (newRole != null && newRole != user.getRole()) {
			user.changeRole(newRole, this.clock.instant());
			this.audit.record(AuditActions.ROLE_CHANGE, ENTITY, id, Map.of("role", before.role()),
					Map.of("role", newRole));
			this.events.publishEvent(new UserCredentialsChanged(id, "role changed"));
		}
		if (enabled != null && enabled != user.isEnabled()) {
			user.changeEnabled(enabled, this.clock.instant());
			this.audit.record(enabled ? AuditActions.USER_ENABLE : AuditActions.USER_DISABLE, ENTITY, id,
					Map.of("enabled", before.enabled()), Map.of("enabled", enabled));
			this.events.publishEvent(new UserCredentialsChanged(id, enabled ? "enabled" : "disabled"));
		}
		User saved = this.users.saveAndFlush(user);
		if (saved.getVersion() != before.version()) {
			this.configEvents.updated(Entity.USER, id, saved.getVersion());
		}
		return UserView.of(saved);
	}

	/**
	 * Sets a new password. Users changing their own password must prove the current one;
	 * an administrator resetting someone else's does not.
	 */
	@Transactional
	void changePassword(long id, String currentPassword, String newPassword, boolean self) {
		User user = find(id);
		List<Problems.FieldError> errors = new ArrayList<>();
		if (self && (currentPassword == null || !matches(currentPassword, user.getPasswordHash()))) {
			errors.add(new Problems.FieldError("currentPassword", "does not match the current password"));
		}
		String problem = PasswordPolicy.violation(newPassword);
		if (problem != null) {
			errors.add(new Problems.FieldError("newPassword", problem));
		}
		if (!errors.isEmpty()) {
			throw Problems.validation(errors);
		}
		user.changePasswordHash(this.encoder.encode(newPassword), this.clock.instant());
		User saved = this.users.saveAndFlush(user);
		this.configEvents.updated(Entity.USER, id, saved.getVersion());
		this.audit.record(AuditActions.PASSWORD_CHANGE, ENTITY, id, null, null);
		this.events.publishEvent(new UserCredentialsChanged(id, "password changed"));
	}

	@Transactional
	void delete(long id, long actingUserId) {
		User user = find(id);
		if (id == actingUserId) {
			throw Problems.conflict("you cannot delete your own account");
		}
		if (user.getRole() == Role.ADMIN && user.isEnabled()) {
			requireAnotherAdmin();
		}
		UserView before = UserView.of(user);
		this.events.publishEvent(new UserCredentialsChanged(id, "deleted"));
		this.users.delete(user);
		this.users.flush();
		this.audit.record(AuditActions.DELETE, ENTITY, id, before, null);
		this.configEvents.deleted(Entity.USER, id, before.version());
	}

	User find(long id) {
		return this.users.findById(id).orElseThrow(() -> Problems.notFound(ENTITY, id));
	}

	private boolean matches(String password, String hash) {
		try {
			return this.encoder.matches(password, hash);
		}
		catch (IllegalArgumentException ex) {
			// bcrypt refuses input over 72 bytes: such a password cannot be the stored
			// one
			return false;
		}
	}

	private void requireAnotherAdmin() {
		if (this.users.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
			throw Problems.conflict("this is the last enabled administrator; create or enable another one first");
		}
	}

	private static Role parseRole(String role, List<Problems.FieldError> errors) {
		Role parsed = (role != null) ? Role.parse(role).orElse(null) : null;
		if (parsed == null) {
			errors.add(new Problems.FieldError("role", "must be one of ADMIN, ENGINEER, OPERATOR"));
		}
		return parsed;
	}

}
