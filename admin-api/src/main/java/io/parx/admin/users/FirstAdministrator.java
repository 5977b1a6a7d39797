package io.parx.admin.users;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import io.parx.common.audit.Actor;
import io.parx.common.security.Role;

/**
 * Creates the first ADMIN on an empty config database from {@code PARX_ADMIN_USERNAME} /
 * {@code PARX_ADMIN_PASSWORD}. Without them the service still starts and says how to
 * create one; it never invents a default password.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final UserRepository users;

	private final UserService service;

	private final AdminSettings settings;

	FirstAdministrator(UserRepository users, UserService service, AdminSettings settings) {
		this.users = users;
		this.service = service;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.users.count() > 0) {
			return;
		}
		if (!this.settings.isComplete()) {
			log.warn("No administrator exists and none is configured. Set PARX_ADMIN_USERNAME and "
					+ "PARX_ADMIN_PASSWORD (at least 8 characters) and restart to create the first one.");
			return;
		}
		UserView admin;
		try {
			admin = this.service.create(new Actor("system", null, null), this.settings.username(),
					this.settings.password(), Role.ADMIN.name());
		}
		catch (ErrorResponseException ex) {
			throw new IllegalStateException(
					"PARX_ADMIN_USERNAME / PARX_ADMIN_PASSWORD are not acceptable: " + ex.getBody().getProperties(),
					ex);
		}
		log.info("Created the first administrator '{}' (id {})", admin.username(), admin.id());
	}

}
