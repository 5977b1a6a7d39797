package io.parx.admin.channels;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.parx.admin.events.ConfigEvents;
import io.parx.admin.request.ConfigChanges;
import io.parx.admin.request.ConfigProblems;
import io.parx.admin.request.ETags;
import io.parx.common.config.ConfigChanged.Entity;
import io.parx.common.problem.Problems;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and deletes channels: validation, optimistic locking, audit and the
 * config event, each change in one transaction.
 */
@Service
@Transactional
class ChannelService {

	private static final String ENTITY = Entity.CHANNEL.wireName();

	private final ChannelRepository channels;

	private final ConfigChanges changes;

	/** For the entities a channel's deletion changes besides the channel. */
	private final ConfigEvents events;

	private final FormulaUsers formulaUsers;

	ChannelService(ChannelRepository channels, ConfigChanges changes, ConfigEvents events, FormulaUsers formulaUsers) {
		this.channels = channels;
		this.changes = changes;
		this.events = events;
		this.formulaUsers = formulaUsers;
	}

	@Transactional(readOnly = true)
	Channel get(long id) {
		return this.channels.find(id).orElseThrow(() -> ConfigProblems.notFound(ENTITY, id));
	}

	@Transactional(readOnly = true)
	Page<Channel> list(ChannelFilter filter, Pageable pageable) {
		return this.channels.list(filter, pageable);
	}

	Channel create(Map<String, ?> body) {
		ChannelDraft draft = ChannelDraft.read(body, null);
		return insert(draft);
	}

	Channel update(long id, Map<String, ?> body, String ifMatch) {
		Channel stored = get(id);
		ChannelDraft draft = ChannelDraft.read(body, stored);
		long expected = ETags.expected(ifMatch, draft.version(), stored.version());
		return update(stored, draft, expected);
	}

	void delete(long id, String ifMatch) {
		this.changes.deleted(Entity.CHANNEL, get(id), ifMatch, (version) -> deleteWithDependents(id));
	}

	/**
	 * One row of a bulk import: updates the channel of that name (keeping its secrets
	 * when the row has none) or creates it. A row without {@code version} overwrites
	 * whatever version is stored: an import is a deliberate bulk replacement. A row equal
	 * to the stored channel changes nothing (no new version, audit entry or config
	 * event), so that importing an unchanged export is harmless.
	 * @return what the row did
	 */
	Upsert upsert(Map<String, ?> row) {
		Object name = row.get("name");
		Channel stored = (name instanceof String s) ? this.channels.findByName(s.strip()).orElse(null) : null;
		ChannelDraft draft = ChannelDraft.read(row, stored);
		if (stored == null) {
			insert(draft);
			return Upsert.CREATED;
		}
		long expected = (draft.version() != null) ? draft.version() : stored.version();
		if (expected == stored.version() && sameAs(stored, draft)) {
			return Upsert.UNCHANGED;
		}
		update(stored, draft, expected);
		return Upsert.UPDATED;
	}

	/** What one imported row did. */
	enum Upsert {

		CREATED, UPDATED, UNCHANGED

	}

	private boolean sameAs(Channel stored, ChannelDraft draft) {
		return stored.name().equals(draft.name()) && stored.description().equals(draft.description())
				&& stored.unit().equals(draft.unit()) && stored.dataType() == draft.dataType()
				&& stored.scale() == draft.scale() && stored.offset() == draft.offset()
				&& stored.pollIntervalMs() == draft.pollIntervalMs() && stored.enabled() == draft.enabled()
				&& Objects.equals(stored.collector(), draft.collector()) && stored.tags().equals(draft.tags())
				&& stored.protocol() == draft.settings().protocol()
				&& stored.settings().equals(this.channels.storedForm(draft.settings()));
	}

	private Channel insert(ChannelDraft draft) {
		try {
			return this.changes.created(Entity.CHANNEL, this.channels.insert(draft));
		}
		catch (DuplicateKeyException ex) {
			throw ConfigProblems.duplicateName(ENTITY, draft.name());
		}
	}

	private Channel update(Channel stored, ChannelDraft draft, long expected) {
		try {
			return this.changes.updated(Entity.CHANNEL, stored, expected, (version) -> {
				requireNoFormulaNaming(stored, draft);
				return this.channels.update(stored.id(), draft, version);
			});
		}
		catch (DuplicateKeyException ex) {
			throw ConfigProblems.duplicateName(ENTITY, draft.name());
		}
	}

	/**
	 * Deletes the channel unless a storage rule's condition reads it, and announces every
	 * entity the deletion changed besides the channel (rules and batches that named it).
	 */
	private boolean deleteWithDependents(long id) {
		List<String> conditioned = this.channels.rulesConditionedOn(id);
		if (!conditioned.isEmpty()) {
			throw Problems.conflict("channel " + id + " is the condition of the storage rules " + conditioned
					+ ": change or delete them first");
		}
		ChannelRepository.Dependents dependents = this.channels.touchDependents(id);
		if (!this.channels.delete(id)) {
			return false;
		}
		dependents.updatedRules().forEach((rule) -> this.events.updated(Entity.STORAGE_RULE, rule[0], rule[1]));
		dependents.deletedBatches()
			.forEach((batch) -> this.events.deleted(Entity.BATCH_DEFINITION, batch[0], batch[1]));
		dependents.updatedBatches()
			.forEach((batch) -> this.events.updated(Entity.BATCH_DEFINITION, batch[0], batch[1]));
		return true;
	}

	/** A rename would break the formulas that name the channel (rather than #id). */
	private void requireNoFormulaNaming(Channel stored, ChannelDraft draft) {
		if (draft.name().equals(stored.name())) {
			return;
		}
		List<String> users = this.formulaUsers.namingChannel(stored.name());
		if (!users.isEmpty()) {
			throw Problems.conflict("channel '" + stored.name() + "' is named in the formulas of " + users
					+ ": refer to it there by id (#" + stored.id() + ") or change them before renaming it");
		}
	}

}
