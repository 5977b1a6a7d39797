package io.parx.common.config;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configuration entity was created, updated or deleted; published by the admin-api on
 * the {@code config} channel after the transaction commits. Receivers reload that entity
 * from the config database.
 *
 * <p>
 * Wire form: {@code {"entity":"channel","id":42,"op":"updated","version":7}}.
 *
 * @param entity what changed, see {@link Entity}
 * @param id the entity's id
 * @param op what happened to it
 * @param version the entity's version after the change (its last version for a deletion)
 */
public record ConfigChanged(Entity entity, long id, Op op, long version) {

	private static final Pattern WIRE = Pattern.compile(
			"\\{\\s*\"entity\"\\s*:\\s*\"([a-z-]+)\"\\s*,\\s*\"id\"\\s*:\\s*(\\d+)\\s*,\\s*\"op\"\\s*:\\s*\"([a-z]+)\"\\s*,\\s*\"version\"\\s*:\\s*(\\d+)\\s*}");

	public ConfigChanged {
		Objects.requireNonNull(entity, "entity");
		Objects.requireNonNull(op, "op");
	}

	public String toJson() {
		return "{\"entity\":\"" + this.entity.wireName() + "\",\"id\":" + this.id + ",\"op\":\""
				+ this.op.name().toLowerCase(Locale.ROOT) + "\",\"version\":" + this.version + "}";
	}

	/**
	 * Reads the wire form. The format is fixed and flat, so a pattern is enough and keeps
	 * {@code common} free of a JSON binding.
	 * @throws IllegalArgumentException if the text is not a config event
	 */
	public static ConfigChanged fromJson(String json) {
		Matcher m = WIRE.matcher(json.strip());
		if (!m.matches()) {
			throw new IllegalArgumentException("not a config event: " + json);
		}
		return new ConfigChanged(Entity.fromWireName(m.group(1)), Long.parseLong(m.group(2)),
				Op.valueOf(m.group(3).toUpperCase(Locale.ROOT)), Long.parseLong(m.group(4)));
	}

	public enum Op {

		CREATED, UPDATED, DELETED

	}

	public enum Entity {

		CHANNEL("channel"), STORAGE_RULE("storage-rule"), BATCH_DEFINITION("batch-definition"),
		DERIVED_SIGNAL("derived-signal"), DASHBOARD("dashboard"), USER("user"), ALARM_DEFINITION("alarm-definition"),
		ALARM_WEBHOOK("alarm-webhook");

		private final String wireName;

		Entity(String wireName) {
			this.wireName = wireName;
		}

		public String wireName() {
			return this.wireName;
		}

		public static Entity fromWireName(String name) {
			for (Entity entity : values()) {
				if (entity.wireName.equals(name)) {
					return entity;
				}
			}
			throw new IllegalArgumentException("unknown config entity '" + name + "'");
		}

	}

}
