package io.parx.admin.channels;

import java.util.ArrayList;
import java.util.List;

import io.parx.common.formula.ChannelRef;
import io.parx.common.formula.Formula;
import io.parx.common.formula.FormulaSyntaxException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the stored formulas (storage-rule triggers, derived signals) that name a channel.
 * Formulas may refer to channels by name, so renaming a channel they use would silently
 * break them.
 */
@Component
class FormulaUsers {

	private final JdbcClient jdbc;

	FormulaUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Descriptions like {@code storage rule 'hot'} of every formula naming
	 * {@code channel}.
	 */
	List<String> namingChannel(String channel) {
		List<String> users = new ArrayList<>();
		this.jdbc.sql("""
				select 'storage rule ''' || name || '''', settings->>'formula' from storage_rule where mode = 'TRIGGER'
				union all
				select 'derived signal ''' || name || '''', formula from derived_signal""").query((rs) -> {
			if (names(rs.getString(2), channel)) {
				users.add(rs.getString(1));
			}
		});
		return users;
	}

	private static boolean names(String text, String channel) {
		if (text == null || !text.contains(channel)) {
			return false;
		}
		try {
			return Formula.parse(text)
				.channelReferences()
				.stream()
				.anyMatch((ref) -> ref instanceof ChannelRef.ByName byName && byName.name().equals(channel));
		}
		catch (FormulaSyntaxException ex) {
			return false;
		}
	}

}
