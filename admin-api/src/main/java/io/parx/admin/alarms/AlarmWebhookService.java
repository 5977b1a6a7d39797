package io.parx.admin.alarms;

import java.util.Map;

import io.parx.admin.events.ConfigEvents;
import io.parx.admin.request.ChangeAudit;
import io.parx.admin.request.ConfigProblems;
import io.parx.admin.request.ETags;
import io.parx.common.config.ConfigChanged.Entity;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alarm webhook changes: validation (the contract's reader), optimistic locking, audit
 * (without the secret) and the config event the storage engine reloads its webhooks on.
 */
@Service
@Transactional
class AlarmWebhookService {

	static final String ENTITY = "alarm-webhook";

	private final AlarmWebhookRepository webhooks;

	private final ConfigEvents events;

	private final ChangeAudit audit;

	AlarmWebhookService(AlarmWebhookRepository webhooks, ConfigEvents events, ChangeAudit audit) {
		this.webhooks = webhooks;
		this.events = events;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	StoredAlarmWebhook get(long id) {
		return this.webhooks.find(id).orElseThrow(() -> ConfigProblems.notFound(ENTITY, id));
	}

	@Transactional(readOnly = true)
	Page<StoredAlarmWebhook> list(Pageable pageable) {
		return this.webhooks.list(pageable);
	}

	StoredAlarmWebhook create(Map<String, ?> body) {
		AlarmWebhookDraft draft = AlarmWebhookDraft.read(body);
		StoredAlarmWebhook created = this.webhooks.insert(draft.webhook(), draft.secret());
		this.audit.created(ENTITY, created.id(), created.toView());
		this.events.created(Entity.ALARM_WEBHOOK, created.id(), created.version());
		return created;
	}

	StoredAlarmWebhook update(long id, Map<String, ?> body, String ifMatch) {
		StoredAlarmWebhook stored = get(id);
		AlarmWebhookDraft draft = AlarmWebhookDraft.read(body);
		long expected = ETags.expected(ifMatch, draft.version(), stored.version());
		if (expected != stored.version()) {
			throw ConfigProblems.versionConflict(ENTITY, id, expected, stored.version());
		}
		StoredAlarmWebhook updated = this.webhooks.update(id, draft.webhook(), draft.secret(), expected)
			.orElseThrow(() -> ConfigProblems.versionConflict(ENTITY, id, expected, stored.version()));
		this.audit.updated(ENTITY, id, stored.toView(), updated.toView());
		this.events.updated(Entity.ALARM_WEBHOOK, id, updated.version());
		return updated;
	}

	void delete(long id, String ifMatch) {
		StoredAlarmWebhook stored = get(id);
		long expected = ETags.expectedOrCurrent(ifMatch, stored.version());
		if (expected != stored.version() || !this.webhooks.delete(id, expected)) {
			throw ConfigProblems.versionConflict(ENTITY, id, expected, stored.version());
		}
		this.audit.deleted(ENTITY, id, stored.toView());
		this.events.deleted(Entity.ALARM_WEBHOOK, id, stored.version());
	}

}
