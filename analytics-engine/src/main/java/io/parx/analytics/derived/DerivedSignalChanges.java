package io.parx.analytics.derived;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.parx.analytics.system.ConfigDb;
import io.parx.common.audit.AuditActions;
import io.parx.common.audit.AuditTrail;

/**
 * Saving and deleting derived signals with their audit entries (docs/SECURITY.md,
 * "Audit"): the change and its entry are written in one config-database transaction, so a
 * change that cannot be audited does not stand.
 */
@Component
class DerivedSignalChanges {

	static final String ENTITY = "derived-signal";

	private final DerivedSignalRepository repository;

	private final ConfigDb config;

	private final AuditTrail audit;

	DerivedSignalChanges(DerivedSignalRepository repository, ConfigDb config, AuditTrail audit) {
		this.repository = repository;
		this.config = config;
		this.audit = audit;
	}

	DerivedSignal create(String name, String description, String formula, String unit, String createdBy) {
		return this.config.transactions().execute((status) -> {
			DerivedSignal saved = this.repository.insert(name, description, formula, unit, createdBy);
			this.audit.record(AuditActions.CREATE, ENTITY, saved.id(), null, saved);
			return saved;
		});
	}

	/**
	 * @return the deleted signal, empty if none has that id
	 */
	Optional<DerivedSignal> delete(long id) {
		return this.config.transactions().execute((status) -> {
			Optional<DerivedSignal> stored = this.repository.find(id);
			if (stored.isPresent() && this.repository.delete(id)) {
				this.audit.record(AuditActions.DELETE, ENTITY, id, stored.get(), null);
				return stored;
			}
			return Optional.<DerivedSignal>empty();
		});
	}

}
