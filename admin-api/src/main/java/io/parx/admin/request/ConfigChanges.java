package io.parx.admin.request;

import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;

import io.parx.admin.events.ConfigEvents;
import io.parx.common.config.ConfigChanged.Entity;

import org.springframework.stereotype.Component;

/**
 * The steps every configuration change takes after its own validation: the version check
 * (409 when the client edited an older version, or when the row changed between reading
 * and writing), the audit entry with the views before and after, and the config event the
 * services reload on. Call it inside the changing transaction, as {@link ConfigEvents}
 * and {@link ChangeAudit} require; the audit's entity type is the event's wire name.
 */
@Component
public class ConfigChanges {

	private final ChangeAudit audit;

	private final ConfigEvents events;

	ConfigChanges(ChangeAudit audit, ConfigEvents events) {
		this.audit = audit;
		this.events = events;
	}

	public <T extends Versioned> T created(Entity entity, T created) {
		this.audit.created(entity.wireName(), created.id(), created.toView());
		this.events.created(entity, created.id(), created.version());
		return created;
	}

	/**
	 * @param expected the version the client edited ({@link ETags#expected})
	 * @param update writes the change if the row still has the given version; empty when
	 * it has not
	 */
	public <T extends Versioned> T updated(Entity entity, T stored, long expected, LongFunction<Optional<T>> update) {
		if (expected != stored.version()) {
			throw conflict(entity, stored, expected);
		}
		T updated = update.apply(expected).orElseThrow(() -> conflict(entity, stored, expected));
		this.audit.updated(entity.wireName(), stored.id(), stored.toView(), updated.toView());
		this.events.updated(entity, stored.id(), updated.version());
		return updated;
	}

	/**
	 * @param ifMatch the {@code If-Match} header: the version the client saw, or any when
	 * {@code null}
	 * @param delete deletes the row if it still has the given version; false when it has
	 * not
	 */
	public void deleted(Entity entity, Versioned stored, String ifMatch, LongPredicate delete) {
		long expected = ETags.expectedOrCurrent(ifMatch, stored.version());
		if (expected != stored.version() || !delete.test(expected)) {
			throw conflict(entity, stored, expected);
		}
		this.audit.deleted(entity.wireName(), stored.id(), stored.toView());
		this.events.deleted(entity, stored.id(), stored.version());
	}

	private static RuntimeException conflict(Entity entity, Versioned stored, long expected) {
		return ConfigProblems.versionConflict(entity.wireName(), stored.id(), expected, stored.version());
	}

}
