package io.parx.common.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records who changed what in the config database's {@code audit_event} table: the one
 * audit trail of every service that changes configuration (admin-api, the
 * analytics-engine's derived signals, the collector's OPC UA trust list).
 *
 * <p>
 * Call it inside the transaction of the change, so the change and its record commit or
 * roll back together (the {@link JdbcClient} joins the transaction bound to its data
 * source); without a transaction the single insert commits on its own. Before and after
 * values are any objects Jackson can serialise (typically the API views); secrets are
 * masked with {@link SecretMasker} before they are written. A failed write throws
 * {@link AuditUnavailableException} (503): a change that cannot be audited must not
 * stand, so the caller's transaction rolls back or the caller undoes the change.
 */
public class AuditTrail {

	private static final String INSERT = "insert into audit_event (occurred_at, username, user_id, client_ip, "
			+ "action, entity_type, entity_id, before_value, after_value, detail) "
			+ "values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	/**
	 * @param jdbc the config database
	 * @param json serialises before and after values
	 * @param clock the time of each entry
	 */
	public AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
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
	public void record(String action, String entityType, Long entityId, Object before, Object after) {
		record(Actor.current(), action, entityType, entityId, before, after, null);
	}

	/**
	 * Records an action of a given actor, with a free-text detail (e.g. a failure reason
	 * or an entity's identity that is not a number).
	 */
	public void record(Actor actor, String action, String entityType, Long entityId, Object before, Object after,
			String detail) {
		String beforeJson = toJson(before);
		String afterJson = toJson(after);
		try {
			this.jdbc.sql(INSERT)
				.params(OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC), actor.username(),
						actor.userId(), actor.clientIp(), action, entityType, entityId, beforeJson, afterJson,
						truncate(detail))
				.update();
		}
		catch (DataAccessException ex) {
			throw new AuditUnavailableException(ex);
		}
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
