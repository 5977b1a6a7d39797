package io.parx.admin.alarms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.parx.admin.channels.Channel;
import io.parx.admin.channels.ChannelRepository;
import io.parx.admin.request.ConfigChanges;
import io.parx.admin.request.ConfigProblems;
import io.parx.admin.request.ETags;
import io.parx.admin.request.Violations;
import io.parx.common.config.ConfigChanged.Entity;
import io.parx.common.config.SettingsReader;
import io.parx.common.config.alarm.AlarmDefinition;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alarm definition changes: validation (the contract's reader, then the channel it
 * watches), optimistic locking, audit and the config event the storage engine reloads on.
 */
@Service
@Transactional
class AlarmDefinitionService {

	static final String ENTITY = Entity.ALARM_DEFINITION.wireName();

	/** Most channels one bulk creation may cover. */
	static final int MAX_BULK = 500;

	private final AlarmDefinitionRepository definitions;

	private final ChannelRepository channels;

	private final ConfigChanges changes;

	AlarmDefinitionService(AlarmDefinitionRepository definitions, ChannelRepository channels, ConfigChanges changes) {
		this.definitions = definitions;
		this.channels = channels;
		this.changes = changes;
	}

	@Transactional(readOnly = true)
	StoredAlarmDefinition get(long id) {
		return this.definitions.find(id).orElseThrow(() -> ConfigProblems.notFound(ENTITY, id));
	}

	@Transactional(readOnly = true)
	Page<StoredAlarmDefinition> list(Long channelId, Pageable pageable) {
		return this.definitions.list(channelId, pageable);
	}

	StoredAlarmDefinition create(Map<String, ?> body) {
		return insert(read(body).definition());
	}

	StoredAlarmDefinition update(long id, Map<String, ?> body, String ifMatch) {
		StoredAlarmDefinition stored = get(id);
		AlarmDefinitionDraft draft = read(body);
		return this.changes.updated(Entity.ALARM_DEFINITION, stored,
				ETags.expected(ifMatch, draft.version(), stored.version()),
				(version) -> this.definitions.update(id, draft.definition(), version));
	}

	void delete(long id, String ifMatch) {
		this.changes.deleted(Entity.ALARM_DEFINITION, get(id), ifMatch,
				(version) -> this.definitions.delete(id, version));
	}

	/**
	 * One definition per channel carrying {@code tag}, from a template whose
	 * {@code channelId} is left out and whose name may contain {@code {channel}}. All or
	 * none: one bad channel (e.g. a BOOL channel for a HI alarm) rolls back the rest.
	 */
	List<StoredAlarmDefinition> createForTag(Map<String, ?> body) {
		Violations violations = new Violations();
		SettingsReader f = violations.reader(body, "");
		String tag = f.string("tag", true, 100);
		Map<String, Object> template = f.object("definition", true);
		f.rejectUnknown();
		if (template != null && template.containsKey("channelId")) {
			violations.add("definition.channelId", "is set from the tagged channels; leave it out");
		}
		violations.throwIfAny();
		Map<Long, String> tagged = this.definitions.channelsTagged(tag.strip(), MAX_BULK);
		if (tagged.isEmpty()) {
			throw ConfigProblems.invalid("tag", "no channel has this tag");
		}
		if (tagged.size() > MAX_BULK) {
			throw ConfigProblems.invalid("tag", "matches more than " + MAX_BULK + " channels");
		}
		List<StoredAlarmDefinition> created = new ArrayList<>();
		for (Map.Entry<Long, String> channel : tagged.entrySet()) {
			Map<String, Object> one = new HashMap<>(template);
			one.put("channelId", channel.getKey());
			if (one.get("name") instanceof String name) {
				one.put("name", name.replace("{channel}", channel.getValue()));
			}
			created.add(insert(readPrefixed(one, "definition.")));
		}
		return created;
	}

	private StoredAlarmDefinition insert(AlarmDefinition definition) {
		return this.changes.created(Entity.ALARM_DEFINITION, this.definitions.insert(definition));
	}

	private AlarmDefinitionDraft read(Map<String, ?> body) {
		AlarmDefinitionDraft draft = AlarmDefinitionDraft.read(body);
		checkChannel(draft.definition(), "");
		return draft;
	}

	private AlarmDefinition readPrefixed(Map<String, ?> body, String prefix) {
		Violations violations = new Violations();
		SettingsReader f = violations.reader(body, prefix);
		AlarmDefinition definition = AlarmDefinition.read(f);
		f.rejectUnknown();
		violations.throwIfAny();
		checkChannel(definition, prefix);
		return definition;
	}

	/** The channel exists, and a limit alarm watches a numeric one. */
	private void checkChannel(AlarmDefinition definition, String prefix) {
		Channel channel = this.channels.find(definition.channelId())
			.orElseThrow(() -> ConfigProblems.invalid(prefix + "channelId", "no such channel"));
		if (definition.type().isLimit() && !channel.dataType().isNumeric()) {
			throw ConfigProblems.invalid(prefix + "type", "a " + definition.type() + " alarm needs a numeric channel; '"
					+ channel.name() + "' is " + channel.dataType());
		}
	}

}
