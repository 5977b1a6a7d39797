package io.parx.admin.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.parx.admin.channels.ChannelRepository;
import io.parx.admin.request.ConfigProblems;
import io.parx.admin.request.Violations;
import io.parx.common.config.rule.StorageMode;
import io.parx.common.formula.ChannelRef;
import io.parx.common.formula.Formula;
import io.parx.common.formula.FormulaSyntaxException;

import org.springframework.stereotype.Component;

/**
 * The checks of storage rules and batch definitions that need the database: referenced
 * channels exist, and a trigger formula parses (with the formula language of
 * {@code common}, the same parser the storage engine runs) and names existing channels.
 */
@Component
class RuleChecks {

	private final ChannelRepository channels;

	RuleChecks(ChannelRepository channels) {
		this.channels = channels;
	}

	/**
	 * @throws org.springframework.web.ErrorResponseException 400: a formula syntax
	 * problem with its position when that is the only error, else a validation problem
	 * naming every bad field
	 */
	void check(StorageRuleDraft rule) {
		Violations violations = new Violations();
		FormulaSyntaxException syntax = null;
		requireChannels(violations, "channelIds", rule.channelIds());
		switch (rule.mode()) {
			case StorageMode.Event event ->
				requireChannels(violations, "settings.conditionChannelId", List.of(event.conditionChannelId()));
			case StorageMode.Trigger trigger -> syntax = checkFormula(violations, trigger.formula());
			case StorageMode.Continuous continuous -> {
			}
			case StorageMode.Change change -> {
			}
		}
		if (syntax != null && violations.size() == 1) {
			throw ConfigProblems.formulaSyntax("settings.formula", syntax.message(), syntax.position());
		}
		violations.throwIfAny();
	}

	/** Checks channel ids of a batch definition, by field name. */
	void requireChannels(Map<String, Long> channelIdsByField) {
		Violations violations = new Violations();
		channelIdsByField.forEach((field, id) -> {
			if (id != null) {
				requireChannels(violations, field, List.of(id));
			}
		});
		violations.throwIfAny();
	}

	private void requireChannels(Violations violations, String field, Collection<Long> ids) {
		Map<Long, String> existing = this.channels.namesById(ids);
		List<Long> missing = ids.stream().filter((id) -> !existing.containsKey(id)).toList();
		if (!missing.isEmpty()) {
			violations.add(field, "no such channel: " + missing);
		}
	}

	private FormulaSyntaxException checkFormula(Violations violations, String text) {
		Formula formula;
		try {
			formula = Formula.parse(text);
		}
		catch (FormulaSyntaxException ex) {
			violations.add("settings.formula", ex.getMessage());
			return ex;
		}
		List<Long> ids = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (ChannelRef ref : formula.channelReferences()) {
			switch (ref) {
				case ChannelRef.ById byId -> ids.add(byId.id());
				case ChannelRef.ByName byName -> names.add(byName.name());
			}
		}
		Map<Long, String> knownIds = this.channels.namesById(ids);
		Map<String, Long> knownNames = this.channels.idsByName(names);
		List<String> unknown = new ArrayList<>();
		ids.stream().filter((id) -> !knownIds.containsKey(id)).forEach((id) -> unknown.add("#" + id));
		names.stream().filter((name) -> !knownNames.containsKey(name)).forEach((name) -> unknown.add("[" + name + "]"));
		if (!unknown.isEmpty()) {
			violations.add("settings.formula", "refers to unknown channels " + unknown);
		}
		return null;
	}

}
