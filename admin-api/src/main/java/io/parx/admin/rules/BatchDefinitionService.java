package io.parx.admin.rules;

import java.util.Map;

import io.parx.admin.request.ConfigChanges;
import io.parx.admin.request.ConfigProblems;
import io.parx.admin.request.ETags;
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

	private static final String ENTITY = Entity.BATCH_DEFINITION.wireName();

	private final BatchDefinitionRepository batches;

	private final RuleChecks checks;

	private final ConfigChanges changes;

	BatchDefinitionService(BatchDefinitionRepository batches, RuleChecks checks, ConfigChanges changes) {
		this.batches = batches;
		this.checks = checks;
		this.changes = changes;
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
			return this.changes.created(Entity.BATCH_DEFINITION, this.batches.insert(draft));
		}
		catch (DuplicateKeyException ex) {
			throw ConfigProblems.duplicateName(ENTITY, draft.name());
		}
	}

	BatchDefinition update(long id, Map<String, ?> body, String ifMatch) {
		BatchDefinition stored = get(id);
		BatchDefinitionDraft draft = read(body);
		long expected = ETags.expected(ifMatch, draft.version(), stored.version());
		try {
			return this.changes.updated(Entity.BATCH_DEFINITION, stored, expected,
					(version) -> this.batches.update(id, draft, version));
		}
		catch (DuplicateKeyException ex) {
			throw ConfigProblems.duplicateName(ENTITY, draft.name());
		}
	}

	void delete(long id, String ifMatch) {
		this.changes.deleted(Entity.BATCH_DEFINITION, get(id), ifMatch, (version) -> this.batches.delete(id));
	}

	private BatchDefinitionDraft read(Map<String, ?> body) {
		BatchDefinitionDraft draft = BatchDefinitionDraft.read(body);
		this.checks.requireChannels(draft.trigger().channelIds());
		return draft;
	}

}
