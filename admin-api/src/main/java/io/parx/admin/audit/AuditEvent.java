package io.parx.admin.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** One row of the audit trail; append-only (the database refuses updates). */
@Entity
@Immutable
@Table(name = "audit_event")
class AuditEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "occurred_at", nullable = false)
	private Instant occurredAt;

	private String username;

	@Column(name = "user_id")
	private Long userId;

	@Column(name = "client_ip")
	private String clientIp;

	@Column(nullable = false)
	private String action;

	@Column(name = "entity_type")
	private String entityType;

	@Column(name = "entity_id")
	private Long entityId;

	@Column(name = "before_value", columnDefinition = "jsonb")
	@ColumnTransformer(write = "?::jsonb")
	private String beforeValue;

	@Column(name = "after_value", columnDefinition = "jsonb")
	@ColumnTransformer(write = "?::jsonb")
	private String afterValue;

	private String detail;

	protected AuditEvent() {
	}

	AuditEvent(Instant occurredAt, Actor actor, String action, String entityType, Long entityId, String beforeValue,
			String afterValue, String detail) {
		this.occurredAt = occurredAt;
		this.username = actor.username();
		this.userId = actor.userId();
		this.clientIp = actor.clientIp();
		this.action = action;
		this.entityType = entityType;
		this.entityId = entityId;
		this.beforeValue = beforeValue;
		this.afterValue = afterValue;
		this.detail = detail;
	}

	Long id() {
		return this.id;
	}

	Instant occurredAt() {
		return this.occurredAt;
	}

	String username() {
		return this.username;
	}

	Long userId() {
		return this.userId;
	}

	String clientIp() {
		return this.clientIp;
	}

	String action() {
		return this.action;
	}

	String entityType() {
		return this.entityType;
	}

	Long entityId() {
		return this.entityId;
	}

	String beforeValue() {
		return this.beforeValue;
	}

	String afterValue() {
		return this.afterValue;
	}

	String detail() {
		return this.detail;
	}

}
