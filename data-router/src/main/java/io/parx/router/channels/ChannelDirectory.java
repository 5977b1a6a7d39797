package io.parx.router.channels;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The router's read-only view of the config database's {@code channel} table: which
 * channels exist, whether they are enabled and their tags. Held in memory (a few bytes
 * per channel) so that subscriptions resolve without a query; kept current by
 * configuration events and a periodic full reload, and announcing status changes as
 * {@link ChannelStatusChanged} events.
 */
@Component
public class ChannelDirectory {

	private static final Logger logger = LoggerFactory.getLogger(ChannelDirectory.class);

	private static final String SELECT = "select id, enabled, tags from channel";

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Map<Long, Channel> channels = new ConcurrentHashMap<>();

	private volatile boolean loaded;

	ChannelDirectory(JdbcTemplate jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * The known channels among {@code ids}.
	 * @throws DataAccessException if the directory was never loaded and the database does
	 * not answer
	 */
	public Map<Long, Channel> find(Collection<Long> ids) {
		ensureLoaded();
		Map<Long, Channel> found = new HashMap<>();
		List<Long> missing = new ArrayList<>();
		for (Long id : ids) {
			Channel channel = this.channels.get(id);
			if (channel != null) {
				found.put(id, channel);
			}
			else {
				missing.add(id);
			}
		}
		if (!missing.isEmpty()) {
			// Created a moment ago, before its config event arrived?
			for (Channel channel : query(" where id = any(?)", missing.toArray(Long[]::new))) {
				this.channels.putIfAbsent(channel.id(), channel);
				found.put(channel.id(), channel);
			}
		}
		return found;
	}

	/**
	 * Ids of all channels that carry this tag, read from the database because tag
	 * subscriptions are rare and must see channels created a moment ago.
	 */
	public List<Long> withTag(String tag) {
		ensureLoaded();
		List<Long> ids = new ArrayList<>();
		for (Channel channel : query(" where ? = any(tags) order by id", tag)) {
			this.channels.putIfAbsent(channel.id(), channel);
			ids.add(channel.id());
		}
		return ids;
	}

	private List<Channel> query(String where, Object parameter) {
		return this.jdbc.query((connection) -> {
			PreparedStatement statement = connection.prepareStatement(SELECT + where);
			if (parameter instanceof Long[] array) {
				statement.setArray(1, connection.createArrayOf("bigint", array));
			}
			else {
				statement.setObject(1, parameter);
			}
			return statement;
		}, (rs, n) -> map(rs));
	}

	private void ensureLoaded() {
		if (!this.loaded) {
			reloadAll();
		}
	}

	/** Reloads every channel and announces what changed since the last load. */
	public synchronized void reloadAll() {
		Map<Long, Channel> fresh = new HashMap<>();
		this.jdbc.query(SELECT, (ResultSet rs) -> {
			Channel channel = map(rs);
			fresh.put(channel.id(), channel);
		});
		boolean announce = this.loaded;
		for (Channel old : List.copyOf(this.channels.values())) {
			if (!fresh.containsKey(old.id())) {
				this.channels.remove(old.id());
				if (announce) {
					this.events.publishEvent(new ChannelStatusChanged(old.id(), ChannelStatus.DELETED));
				}
			}
		}
		for (Channel channel : fresh.values()) {
			Channel old = this.channels.put(channel.id(), channel);
			if (announce) {
				announce(old, channel);
			}
		}
		this.loaded = true;
		logger.debug("Channel directory loaded: {} channels", fresh.size());
	}

	/** Reloads one channel after a configuration event. */
	public synchronized void reload(long id) {
		if (!this.loaded) {
			reloadAll();
			return;
		}
		List<Channel> rows = query(" where id = ?", id);
		if (rows.isEmpty()) {
			if (this.channels.remove(id) != null) {
				this.events.publishEvent(new ChannelStatusChanged(id, ChannelStatus.DELETED));
			}
			return;
		}
		Channel channel = rows.get(0);
		announce(this.channels.put(id, channel), channel);
	}

	private void announce(Channel old, Channel now) {
		if (old != null && old.enabled() != now.enabled()) {
			this.events.publishEvent(
					new ChannelStatusChanged(now.id(), now.enabled() ? ChannelStatus.ENABLED : ChannelStatus.DISABLED));
		}
	}

	private static Channel map(ResultSet rs) throws SQLException {
		Array array = rs.getArray("tags");
		Set<String> tags = (array != null) ? Set.copyOf(Arrays.asList((String[]) array.getArray())) : Set.of();
		return new Channel(rs.getLong("id"), rs.getBoolean("enabled"), tags);
	}

	/**
	 * What the router knows of a channel.
	 *
	 * @param id the channel id
	 * @param enabled whether the collector reads it
	 * @param tags its tags
	 */
	public record Channel(long id, boolean enabled, Set<String> tags) {

	}

}
