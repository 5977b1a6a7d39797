package io.parx.analytics.channels;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.parx.common.problem.Problems;
import io.parx.analytics.system.ConfigDb;

/** Channel names and units from the config database (table {@code channel}). */
@Component
public class ChannelDirectory {

	private final ConfigDb config;

	public ChannelDirectory(ConfigDb config) {
		this.config = config;
	}

	public record ChannelInfo(long id, String name, String unit) {
	}

	/** The channels with these ids; 404 naming the first that does not exist. */
	public Map<Long, ChannelInfo> require(Collection<Long> ids) {
		Map<Long, ChannelInfo> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		this.config.jdbc()
			.sql("select id, name, unit from channel where id = any(?)")
			.param(ids.toArray(Long[]::new))
			.query((rs, row) -> new ChannelInfo(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list()
			.forEach((info) -> found.put(info.id(), info));
		for (Long id : ids) {
			if (!found.containsKey(id)) {
				throw Problems.notFound("channel", id);
			}
		}
		return found;
	}

	/** Ids of the channels with these names; absent names are missing from the map. */
	public Map<String, Long> idsByName(Collection<String> names) {
		Map<String, Long> found = new HashMap<>();
		if (names.isEmpty()) {
			return found;
		}
		List<Object[]> rows = this.config.jdbc()
			.sql("select name, id from channel where name = any(?)")
			.param(names.toArray(String[]::new))
			.query((rs, row) -> new Object[] { rs.getString(1), rs.getLong(2) })
			.list();
		rows.forEach((row) -> found.put((String) row[0], (Long) row[1]));
		return found;
	}

}
