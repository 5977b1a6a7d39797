package io.parx.admin.rules;

import java.util.Map;

import io.parx.admin.request.ChangeAudit;
import io.parx.admin.request.ConfigProblems;
import io.parx.admin.request.ETags;
import io.parx.admin.request.Violations;
import io.parx.admin.events.ConfigEvents;
import io.parx.common.config.ConfigChanged.Entity;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Storage rule changes: validation, optimistic locking, audit and the config event. */
@Service
@Transactional
class StorageRuleService {

	private static final String ENTITY = "storage-rule";

	private final StorageRuleRepository rules;

	private final RuleChecks checks;

	private final ConfigEvents events;

	private final ChangeAudit audit;

	StorageRuleService(StorageRuleRepository rules, RuleChecks checks, ConfigEvents events, ChangeAudit audit) {
		this.rules = rules;
		this.checks = checks;
		this.events = events;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	StorageRule get(long id) {
		return this.rules.find(id).orElseThrow(() -> ConfigProblems.notFound(ENTITY, id));
	}

	@Transactional(readOnly = true)
	Page<StorageRule> list(String name, Long channelId, Pageable pageable) {
		return this.rules.list(name, channelId, pageable);
	}

	StorageRule create(Map<String, ?> body) {
		StorageRuleDraft draft = read(body);
		try {
			StorageRule created = get(this.rules.insert(draft));
			this.audit.created(ENTITY, created.id(), created.toView());
			this.events.created(Entity.STORAGE_RULE, created.id(), created.version());
			return created;
		}
		catch (DuplicateKeyException ex) {
			throw ConfigProblems.duplicateName(ENTITY, draft.name());
		}
	}

	StorageRule update(long id, Map<String, ?> body, String ifMatch) {
		StorageRule stored = get(id);
		StorageRuleDraft draft = read(body);
		long expected = ETags.expected(ifMatch, draft.version(), stored.version());
		try {
			if (expected != stored.version() || !this.rules.update(id, draft, expected)) {
				throw ConfigProblems.versionConflict(ENTITY, id, expected, stored.version());
			}
		}
		catch (DuplicateKeyException ex) {
			throw ConfigProblems.duplicateName(ENTITY, draft.name());
		}
		StorageRule updated = get(id);
		this.audit.updated(ENTITY, id, stored.toView(), updated.toView());
		this.events.updated(Entity.STORAGE_RULE, id, updated.version());
		return updated;
	}

	void delete(long id, String ifMatch) {
		StorageRule stored = get(id);
		long expected = ETags.expectedOrCurrent(ifMatch, stored.version());
		if (expected != stored.version() || !this.rules.delete(id)) {
			throw ConfigProblems.versionConflict(ENTITY, id, expected, stored.version());
		}
		this.audit.deleted(ENTITY, id, stored.toView());
		this.events.deleted(Entity.STORAGE_RULE, id, stored.version());
	}

	private StorageRuleDraft read(Map<String, ?> body) {
		Violations violations = new Violations();
		StorageRuleDraft draft = StorageRuleDraft.read(body, violations);
		violations.throwIfAny();
		this.checks.check(draft);
		return draft;
	}

}
