package io.parx.common.config.alarm;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.parx.common.config.InvalidSettingsException;
import io.parx.common.config.SettingsReader;

/**
 * Where the alarm events of some priorities are POSTed (config schema V14,
 * {@code alarm_webhook}; docs/API.md, "Alarm webhooks"). The admin-api validates requests
 * with {@link #read}; the storage engine, which delivers the events, reads the stored row
 * with the same method. The secret header's value is not part of it: it is write-only and
 * never leaves the two services' databases.
 *
 * @param name what people read, up to 200 characters
 * @param url where to POST: absolute http or https, at most {@link #MAX_URL_LENGTH}
 * characters, without user information (credentials go in the secret header)
 * @param priorities the alarm priorities whose events it receives, at least one
 * @param secretHeader the header the secret is sent in (when a secret is set), an HTTP
 * token (RFC 9110 §5.1)
 * @param enabled whether events are sent to it at all
 */
public record AlarmWebhook(String name, URI url, Set<AlarmPriority> priorities, String secretHeader, boolean enabled) {

	public static final int MAX_URL_LENGTH = 2000;

	public static final int MAX_SECRET_LENGTH = 1000;

	public static final String DEFAULT_SECRET_HEADER = "Authorization";

	/** RFC 9110 §5.1: a field name is a token. */
	private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");

	/** Headers the HTTP client sets itself or that would change the request's meaning. */
	private static final Set<String> RESERVED_HEADERS = Set.of("content-type", "content-length", "host", "connection",
			"expect", "upgrade", "transfer-encoding");

	public AlarmWebhook {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(priorities, "priorities");
		Objects.requireNonNull(secretHeader, "secretHeader");
		if (name.isBlank() || name.length() > 200) {
			throw new IllegalArgumentException("name must be 1 to 200 characters");
		}
		String problem = urlProblem(url);
		if (problem != null) {
			throw new IllegalArgumentException("url " + problem);
		}
		if (priorities.isEmpty()) {
			throw new IllegalArgumentException("priorities must name at least one priority");
		}
		if (headerProblem(secretHeader) != null) {
			throw new IllegalArgumentException("secretHeader " + headerProblem(secretHeader));
		}
		priorities = Set.copyOf(EnumSet.copyOf(priorities));
	}

	/** Whether it receives the events of alarms of this priority. */
	public boolean receives(AlarmPriority priority) {
		return this.enabled && this.priorities.contains(priority);
	}

	/**
	 * Reads and validates a webhook, recording every bad field (fields {@code name},
	 * {@code url}, {@code priorities}, {@code secretHeader}, {@code enabled}). The secret
	 * and unknown fields are left for the caller.
	 * @return the webhook, or {@code null} when a field was rejected
	 */
	public static AlarmWebhook read(SettingsReader f) {
		int before = f.problems().size();
		String name = f.string("name", true, 200);
		String text = f.string("url", true, MAX_URL_LENGTH);
		URI url = (text != null) ? url(f, text.strip()) : null;
		Set<AlarmPriority> priorities = priorities(f);
		String header = f.string("secretHeader", DEFAULT_SECRET_HEADER, 100);
		if (header != null && headerProblem(header.strip()) != null) {
			f.reject("secretHeader", headerProblem(header.strip()));
		}
		Boolean enabled = f.bool("enabled", true);
		if (f.problems().size() != before) {
			return null;
		}
		return new AlarmWebhook(name.strip(), url, priorities, header.strip(), enabled);
	}

	/**
	 * Reads a row of the config table {@code alarm_webhook} (V14) with this contract's
	 * reader: the admin-api, which stores it, and the storage engine, which delivers to
	 * it, read it this one way.
	 */
	public static AlarmWebhook fromRow(ResultSet row) throws SQLException {
		Map<String, Object> fields = new HashMap<>();
		fields.put("name", row.getString("name"));
		fields.put("url", row.getString("url"));
		fields.put("priorities", List.of((Object[]) row.getArray("priorities").getArray()));
		fields.put("secretHeader", row.getString("secret_header"));
		fields.put("enabled", row.getBoolean("enabled"));
		return fromMap(fields);
	}

	/**
	 * Reads a stored webhook.
	 * @throws InvalidSettingsException naming every bad field
	 */
	public static AlarmWebhook fromMap(Map<String, ?> stored) {
		SettingsReader reader = new SettingsReader(stored);
		AlarmWebhook webhook = read(reader);
		reader.throwIfAny();
		return webhook;
	}

	/** The API and stored form, in the field names {@link #read} takes. */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", this.name);
		map.put("url", this.url.toString());
		map.put("priorities", priorityNames());
		map.put("secretHeader", this.secretHeader);
		map.put("enabled", this.enabled);
		return map;
	}

	/** The priorities by name, LOW first. */
	public List<String> priorityNames() {
		return EnumSet.copyOf(this.priorities).stream().map(AlarmPriority::name).toList();
	}

	private static URI url(SettingsReader f, String text) {
		URI url;
		try {
			url = new URI(text);
		}
		catch (URISyntaxException ex) {
			f.reject("url", "must be an absolute http or https URL");
			return null;
		}
		String problem = urlProblem(url);
		if (problem != null) {
			f.reject("url", problem);
			return null;
		}
		return url;
	}

	private static String urlProblem(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null
				|| url.getHost().isEmpty()) {
			return "must be an absolute http or https URL";
		}
		if (url.toString().length() > MAX_URL_LENGTH) {
			return "must be at most " + MAX_URL_LENGTH + " characters";
		}
		if (url.getRawUserInfo() != null) {
			return "must not contain user information; send credentials in the secret header";
		}
		if (url.getRawFragment() != null) {
			return "must not contain a fragment";
		}
		return null;
	}

	private static String headerProblem(String header) {
		if (!TOKEN.matcher(header).matches()) {
			return "must be an HTTP header name (letters, digits and !#$%&'*+.^_`|~-)";
		}
		if (RESERVED_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
			return "must not be a header the HTTP client sets itself";
		}
		return null;
	}

	/**
	 * A list of priorities by name or level (1-4), or a text of them separated by
	 * {@code ,} {@code ;} or {@code |} (a CSV cell).
	 */
	private static Set<AlarmPriority> priorities(SettingsReader f) {
		Object raw = f.raw("priorities");
		if (raw == null) {
			f.reject("priorities", "is required: one or more of [LOW, MEDIUM, HIGH, CRITICAL]");
			return null;
		}
		List<?> items = switch (raw) {
			case List<?> list -> list;
			case String text -> List.of(text.split("[,;|]"));
			default -> null;
		};
		if (items == null || items.size() > 4 * 2) {
			f.reject("priorities", "must be a list of at most 4 of [LOW, MEDIUM, HIGH, CRITICAL]");
			return null;
		}
		Set<AlarmPriority> priorities = EnumSet.noneOf(AlarmPriority.class);
		for (Object item : items) {
			String name = (item instanceof Number || item instanceof String) ? item.toString().strip() : "";
			if (name.isEmpty() && items.size() == 1) {
				continue;
			}
			AlarmPriority priority = parse(name);
			if (priority == null) {
				// the echo is cut short: the value is the caller's and may be huge
				String shown = (name.length() > 20) ? name.substring(0, 20) + "…" : name;
				f.reject("priorities", "'" + shown + "' is not one of [LOW, MEDIUM, HIGH, CRITICAL] or 1 to 4");
				return null;
			}
			priorities.add(priority);
		}
		if (priorities.isEmpty()) {
			f.reject("priorities", "must name at least one of [LOW, MEDIUM, HIGH, CRITICAL]");
			return null;
		}
		return priorities;
	}

	private static AlarmPriority parse(String name) {
		for (AlarmPriority priority : AlarmPriority.values()) {
			if (priority.name().equals(name) || String.valueOf(priority.level()).equals(name)) {
				return priority;
			}
		}
		return null;
	}

}
