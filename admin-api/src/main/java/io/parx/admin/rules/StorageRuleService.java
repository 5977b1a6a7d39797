package io.parx.admin.rules;

import java.util.Map;
import java.util.Optional;

import io.parx.admin.request.ConfigChanges;
import io.parx.admin.request.ConfigProblems;
import io.parx.admin.request.ETags;
import io.parx.admin.request.Violations;
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

	private static final String ENTITY = Entity.STORAGE_RULE.wireName();

	private final StorageRuleRepository rules;

	private final RuleChecks checks;

	private final ConfigChanges changes;

	StorageRuleService(StorageRuleRepository rules, RuleChecks checks, ConfigChanges changes) {
		this.rules = rules;
		this.checks = checks;
		this.changes = changes;
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
			return this.changes.created(Entity.STORAGE_RULE, get(this.rules.insert(draft)));
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
			return this.changes.updated(Entity.STORAGE_RULE, stored, expected,
					(version) -> this.rules.update(id, draft, version) ? Optional.of(get(id)) : Optional.empty());
		}
		catch (DuplicateKeyException ex) {
			throw ConfigProblems.duplicateName(ENTITY, draft.name());
		}
	}

	void delete(long id, String ifMatch) {
		this.changes.deleted(Entity.STORAGE_RULE, get(id), ifMatch, (version) -> this.rules.delete(id));
	}

	private StorageRuleDraft read(Map<String, ?> body) {
		Violations violations = new Violations();
		StorageRuleDraft draft = StorageRuleDraft.read(body, violations);
		violations.throwIfAny();
		this.checks.check(draft);
		return draft;
	}

}
