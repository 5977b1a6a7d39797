package io.parx.admin.alarms;

import java.util.Map;

import io.parx.admin.request.ConfigChanges;
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

	static final String ENTITY = Entity.ALARM_WEBHOOK.wireName();

	private final AlarmWebhookRepository webhooks;

	private final ConfigChanges changes;

	AlarmWebhookService(AlarmWebhookRepository webhooks, ConfigChanges changes) {
		this.webhooks = webhooks;
		this.changes = changes;
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
		return this.changes.created(Entity.ALARM_WEBHOOK, this.webhooks.insert(draft.webhook(), draft.secret()));
	}

	StoredAlarmWebhook update(long id, Map<String, ?> body, String ifMatch) {
		StoredAlarmWebhook stored = get(id);
		AlarmWebhookDraft draft = AlarmWebhookDraft.read(body);
		return this.changes.updated(Entity.ALARM_WEBHOOK, stored,
				ETags.expected(ifMatch, draft.version(), stored.version()),
				(version) -> this.webhooks.update(id, draft.webhook(), draft.secret(), version));
	}

	void delete(long id, String ifMatch) {
		this.changes.deleted(Entity.ALARM_WEBHOOK, get(id), ifMatch, (version) -> this.webhooks.delete(id, version));
	}

}
