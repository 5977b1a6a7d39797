package io.parx.admin.rules;

import java.util.Map;

import io.parx.admin.request.ChangeAudit;
import io.parx.admin.request.ConfigProblems;
import io.parx.admin.request.ETags;
import io.parx.admin.events.ConfigEvents;
import io.parx.common.config.ConfigChanged.Entity;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Batch definition changes: validation, optimistic locking, audit and the config event.
 */
@Service
@Transactional
class BatchDefinitionService {

	private static final String ENTITY = "batch-definition";

	private final BatchDefinitionRepository batches;

	private final RuleChecks checks;

	private final ConfigEvents events;

	private final ChangeAudit audit;

	BatchDefinitionService(BatchDefinitionRepository batches, RuleChecks checks, ConfigEvents events,
			ChangeAudit audit) {
		this.batches = batches;
		this.checks = checks;
		this.events = events;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	BatchDefinition get(long id) {
		return this.batches.find(id).orElseThrow(() -> ConfigProblems.notFound(ENTITY, id));
	}

	@Transactional(readOnly = true)
	Page<BatchDefinition> list(Pageable pageable) {
		return this.batches.list(pageable);
	}

	BatchDefinition create(Map<String, ?> body) {
		BatchDefinitionDraft draft = read(body);
		try {
			BatchDefinition created = this.batches.insert(draft);
			this.audit.created(ENTITY, created.id(), created.toView());
			this.events.created(Entity.BATCH_DEFINITION, created.id(), created.version());
			return created;
		}
		catch (DuplicateKeyException ex) {
			throw ConfigProblems.duplicateName(ENTITY, draft.name());
		}
	}

	BatchDefinition update(long id, Map<String, ?> body, String ifMatch) {
		BatchDefinition stored = get(id);
		BatchDefinitionDraft draft = read(body);
		long expected = ETags.expected(ifMatch, draft.version(), stored.version());
		if (expected != stored.version()) {
			throw ConfigProblems.versionConflict(ENTITY, id, expected, stored.version());
		}
		try {
			BatchDefinition updated = this.batches.update(id, draft, expected)
				.orElseThrow(() -> ConfigProblems.versionConflict(ENTITY, id, expected, stored.version()));
			this.audit.updated(ENTITY, id, stored.toView(), updated.toView());
			this.events.updated(Entity.BATCH_DEFINITION, id, updated.version());
			return updated;
		}
		catch (DuplicateKeyException ex) {
			throw ConfigProblems.duplicateName(ENTITY, draft.name());
		}
	}

	void delete(long id, String ifMatch) {
		BatchDefinition stored = get(id);
		long expected = ETags.expectedOrCurrent(ifMatch, stored.version());
		if (expected != stored.version() || !this.batches.delete(id)) {
			throw ConfigProblems.versionConflict(ENTITY, id, expected, stored.version());
		}
		this.audit.deleted(ENTITY, id, stored.toView());
		this.events.deleted(Entity.BATCH_DEFINITION, id, stored.version());
	}

	private BatchDefinitionDraft read(Map<String, ?> body) {
		BatchDefinitionDraft draft = BatchDefinitionDraft.read(body);
		this.checks.requireChannels(draft.trigger().channelIds());
		return draft;
	}

}
