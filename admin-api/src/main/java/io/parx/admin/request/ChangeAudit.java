package io.parx.admin.request;

import io.parx.common.audit.AuditActions;
import io.parx.common.audit.AuditTrail;

import org.springframework.stereotype.Component;

/**
 * Records configuration changes in the audit trail, inside the changing transaction, with
 * the API views (secrets already removed; the trail masks them once more) as before and
 * after values.
 */
@Component
public class ChangeAudit {

	private final AuditTrail trail;

	ChangeAudit(AuditTrail trail) {
		this.trail = trail;
	}

	public void created(String entityType, long id, Object after) {
		this.trail.record(AuditActions.CREATE, entityType, id, null, after);
	}

	public void updated(String entityType, long id, Object before, Object after) {
		this.trail.record(AuditActions.UPDATE, entityType, id, before, after);
	}

	public void deleted(String entityType, long id, Object before) {
		this.trail.record(AuditActions.DELETE, entityType, id, before, null);
	}

}
