package io.parx.common.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads typed fields from a JSON object (or a CSV row, whose cells are all strings) and
 * records every bad one as a {@link FieldProblem} instead of failing on the first. A
 * missing field and an explicit {@code null} (or empty CSV cell) are the same. The one
 * reader of every settings document: the admin-api validates requests with it, the
 * collector and storage engine read stored documents with it, so both apply the same
 * rules and defaults.
 */
public final class SettingsReader {

	private final Map<String, ?> values;

	private final String prefix;

	private final List<FieldProblem> problems;

	private final Set<String> read = new HashSet<>();

	/** A reader of a whole document, with its own list of problems. */
	public SettingsReader(Map<String, ?> values) {
		this(values, "", new ArrayList<>());
	}

	/**
	 * A reader of one object of a larger document.
	 * @param prefix prepended to every field name in problems, e.g. {@code settings.}
	 * @param problems where problems are added, shared with the readers of the other
	 * parts so that one answer names all of them
	 */
	public SettingsReader(Map<String, ?> values, String prefix, List<FieldProblem> problems) {
		this.values = (values != null) ? values : Map.of();
		this.prefix = prefix;
		this.problems = problems;
	}

	/** Every problem found so far, by this reader and those sharing its list. */
	public List<FieldProblem> problems() {
		return this.problems;
	}

	/** A reader of a nested object whose problems land in the same list. */
	public SettingsReader nested(Map<String, ?> values, String name) {
		return new SettingsReader(values, path(name) + ".", this.problems);
	}

	/**
	 * @throws InvalidSettingsException naming every bad field, if any was found
	 */
	public void throwIfAny() {
		if (!this.problems.isEmpty()) {
			throw new InvalidSettingsException(this.problems);
		}
	}

	public String path(String name) {
		return this.prefix + name;
	}

	public void reject(String name, String message) {
		this.problems.add(new FieldProblem(path(name), message));
	}

	/**
	 * Runs a value object's constructor and records its complaint under the given field.
	 * @return the value, or {@code null} when it was rejected
	 */
	public <T> T guard(String name, Supplier<T> construction) {
		try {
			return construction.get();
		}
		catch (IllegalArgumentException ex) {
			reject(name, ex.getMessage());
			return null;
		}
	}

	public boolean has(String name) {
		return raw(name) != null;
	}

	public Object raw(String name) {
		this.read.add(name);
		Object value = this.values.get(name);
		return (value instanceof String s && s.isEmpty()) ? null : value;
	}

	/** The value as sent, an empty string included. */
	public Object rawIncludingEmpty(String name) {
		this.read.add(name);
		return this.values.get(name);
	}

	public String string(String name, boolean required, int maxLength) {
		Object value = raw(name);
		if (value == null) {
			if (required) {
				reject(name, "is required");
			}
			return null;
		}
		if (!(value instanceof String s)) {
			reject(name, "must be a string");
			return null;
		}
		if (required && s.isBlank()) {
			reject(name, "must not be blank");
			return null;
		}
		if (s.length() > maxLength) {
			reject(name, "must be at most " + maxLength + " characters");
			return null;
		}
		return s;
	}

	public String string(String name, String defaultValue, int maxLength) {
		String value = string(name, false, maxLength);
		return (value != null || has(name)) ? value : defaultValue;
	}

	public Integer integer(String name, Integer defaultValue, long min, long max) {
		Long value = longValue(name, (defaultValue != null) ? Long.valueOf(defaultValue) : null, min, max);
		return (value != null) ? Integer.valueOf(value.intValue()) : null;
	}

	public Long longValue(String name, Long defaultValue, long min, long max) {
		Object value = raw(name);
		if (value == null) {
			if (defaultValue == null) {
				reject(name, "is required");
			}
			return defaultValue;
		}
		Long number = switch (value) {
			case Integer i -> Long.valueOf(i);
			case Long l -> l;
			case Short s -> Long.valueOf(s);
			case String s -> parseLong(s.strip());
			default -> null;
		};
		if (number == null) {
			reject(name, "must be a whole number");
			return null;
		}
		if (number < min || number > max) {
			reject(name, "must be between " + min + " and " + max);
			return null;
		}
		return number;
	}

	/** An optional whole number without default: {@code null} when absent. */
	public Integer optionalInteger(String name, int min, int max) {
		Long value = optionalLong(name, min, max);
		return (value != null) ? Integer.valueOf(value.intValue()) : null;
	}

	/** An optional whole number without default: {@code null} when absent. */
	public Long optionalLong(String name, long min, long max) {
		return has(name) ? longValue(name, null, min, max) : null;
	}

	public Double number(String name, Double defaultValue, double min, double max) {
		Object value = raw(name);
		if (value == null) {
			if (defaultValue == null) {
				reject(name, "is required");
			}
			return defaultValue;
		}
		Double number = switch (value) {
			case Number n -> n.doubleValue();
			case String s -> parseDouble(s.strip());
			default -> null;
		};
		if (number == null || number.isNaN() || number.isInfinite()) {
			reject(name, "must be a finite number");
			return null;
		}
		if (number < min || number > max) {
			reject(name, "must be between " + min + " and " + max);
			return null;
		}
		return number;
	}

	public Boolean bool(String name, Boolean defaultValue) {
		Object value = raw(name);
		if (value == null) {
			if (defaultValue == null) {
				reject(name, "is required");
			}
			return defaultValue;
		}
		if (value instanceof Boolean b) {
			return b;
		}
		if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
			return Boolean.parseBoolean(s);
		}
		reject(name, "must be true or false");
		return null;
	}

	public <E extends Enum<E>> E choice(String name, Class<E> type, E defaultValue) {
		return choice(name, type, Enum::name, defaultValue);
	}

	/**
	 * One of a closed set of values, compared with their wire names.
	 * @param defaultValue used when absent; {@code null} makes the field required
	 */
	public <E extends Enum<E>> E choice(String name, Class<E> type, Function<E, String> wireName, E defaultValue) {
		Object value = raw(name);
		if (value == null) {
			if (defaultValue == null) {
				reject(name, "is required");
			}
			return defaultValue;
		}
		for (E candidate : type.getEnumConstants()) {
			if (wireName.apply(candidate).equals(String.valueOf(value).strip())) {
				return candidate;
			}
		}
		reject(name, "must be one of " + Arrays.stream(type.getEnumConstants()).map(wireName).toList());
		return null;
	}

	/**
	 * A list of strings, from a JSON array or a CSV cell separated by {@code ;} or
	 * {@code |}.
	 */
	public List<String> strings(String name, int maxItems, int maxLength) {
		Object value = raw(name);
		if (value == null) {
			return List.of();
		}
		List<?> items = switch (value) {
			case List<?> list -> list;
			case String s -> Arrays.stream(s.split("[;|]")).map(String::strip).filter((t) -> !t.isEmpty()).toList();
			default -> null;
		};
		if (items == null || items.stream().anyMatch((item) -> !(item instanceof String))) {
			reject(name, "must be a list of strings");
			return List.of();
		}
		List<String> result = new ArrayList<>();
		for (Object item : items) {
			String s = ((String) item).strip();
			if (s.isEmpty() || s.length() > maxLength) {
				reject(name, "items must be 1 to " + maxLength + " characters");
				return List.of();
			}
			if (!result.contains(s)) {
				result.add(s);
			}
		}
		if (result.size() > maxItems) {
			reject(name, "must have at most " + maxItems + " items");
			return List.of();
		}
		return List.copyOf(result);
	}

	/** A list of ids (positive whole numbers). */
	public List<Long> ids(String name) {
		Object value = raw(name);
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			reject(name, "must be a list of ids");
			return List.of();
		}
		List<Long> result = new ArrayList<>();
		for (Object item : list) {
			Long id = switch (item) {
				case Integer i -> Long.valueOf(i);
				case Long l -> l;
				default -> null;
			};
			if (id == null || id <= 0) {
				reject(name, "must be a list of ids");
				return List.of();
			}
			if (!result.contains(id)) {
				result.add(id);
			}
		}
		return List.copyOf(result);
	}

	@SuppressWarnings("unchecked")
	public Map<String, Object> object(String name, boolean required) {
		Object value = raw(name);
		if (value == null) {
			if (required) {
				reject(name, "is required");
			}
			return null;
		}
		if (!(value instanceof Map<?, ?> map)) {
			reject(name, "must be an object");
			return null;
		}
		return new LinkedHashMap<>((Map<String, Object>) map);
	}

	/** Names every field that no reader asked for, so typos do not pass silently. */
	public void rejectUnknown(Set<String> alsoAllowed) {
		for (String key : this.values.keySet()) {
			if (!this.read.contains(key) && !alsoAllowed.contains(key)) {
				reject(key, "is not a known field");
			}
		}
	}

	public void rejectUnknown() {
		rejectUnknown(Set.of());
	}

	private static Long parseLong(String s) {
		try {
			return Long.parseLong(s);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Double parseDouble(String s) {
		try {
			return Double.parseDouble(s);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
