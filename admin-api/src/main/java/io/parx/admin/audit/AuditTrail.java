package io.parx.admin.audit;

import java.time.Clock;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who changed what: the public API of the audit trail for every feature.
 *
 * <p>
 * Call it inside the transaction of the change, so the change and its record commit or
 * roll back together; without a transaction it writes in one of its own. Before and after
 * values are any objects Jackson can serialise (typically the API views); secrets are
 * masked with {@link SecretMasker} before they are written.
 */
@Component
public class AuditTrail {

	private final AuditEventRepository events;

	private final JsonMapper json;

	private final Clock clock;

	AuditTrail(AuditEventRepository events, JsonMapper json, Clock clock) {
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Records an action of the signed-in user of the current request.
	 * @param action see {@link AuditActions}, e.g. {@code CREATE}
	 * @param entityType e.g. {@code channel}; {@code null} for actions without one
	 * @param entityId the entity's id, or {@code null}
	 * @param before the value before the change, or {@code null}
	 * @param after the value after the change, or {@code null}
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(String action, String entityType, Long entityId, Object before, Object after) {
		record(Actor.current(), action, entityType, entityId, before, after, null);
	}

	/**
	 * Records an action of a given actor, with a free-text detail (e.g. a failure
	 * reason).
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(Actor actor, String action, String entityType, Long entityId, Object before, Object after,
			String detail) {
		this.events.save(new AuditEvent(this.clock.instant(), actor, action, entityType, entityId, toJson(before),
				toJson(after), truncate(detail)));
	}

	private String toJson(Object value) {
		if (value == null) {
			return null;
		}
		JsonNode tree = this.json.valueToTree(value);
		return this.json.writeValueAsString(SecretMasker.mask(tree));
	}

	private static String truncate(String detail) {
		return (detail != null && detail.length() > 1000) ? detail.substring(0, 1000) : detail;
	}

}
