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

/**
 * One row of the audit trail as the API reads it; append-only (the database refuses
 * updates). Rows are written by {@link io.parx.common.audit.AuditTrail}.
 */
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
