package io.parx.admin.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import io.parx.common.config.SettingsReader;

/**
 * Where a rule's samples go: {@code storage_rule.backend} with its
 * {@code backend_settings} as documented in the V1 config schema.
 */
sealed interface StorageBackend permits StorageBackend.Timescale, StorageBackend.File {

	String name();

	Map<String, Object> toMap();

	/**
	 * @return the backend, or {@code null} when a field was rejected
	 */
	static StorageBackend read(String backend, SettingsReader f) {
		int before = f.problems().size();
		StorageBackend result = switch (backend) {
			case "TIMESCALE" -> new Timescale();
			case "FILE" -> File.read(f);
			default -> throw new IllegalArgumentException("unknown backend " + backend);
		};
		f.rejectUnknown();
		return (f.problems().size() == before) ? result : null;
	}

	/** The time-series database. */
	record Timescale() implements StorageBackend {

		@Override
		public String name() {
			return "TIMESCALE";
		}

		@Override
		public Map<String, Object> toMap() {
			return Map.of();
		}

	}

	/**
	 * CSV files written by the storage engine under its data directory.
	 *
	 * @param directory relative directory under the storage engine's data directory
	 * @param naming file name template with {@code {rule}}, {@code {channel}} (the
	 * channel id) and the UTC date parts {@code {yyyy} {MM} {dd} {HH} {mm} {ss}}
	 * @param rotateEveryMs start a new file after this long (0: by date only)
	 * @param rotateSizeBytes start a new file after this size (0: no limit)
	 */
	record File(String directory, String naming, Long rotateEveryMs, Long rotateSizeBytes) implements StorageBackend {

		static final String DEFAULT_NAMING = "{rule}_{yyyy}{MM}{dd}_{HH}{mm}{ss}.csv";

		/** The placeholders the storage engine expands (UTC time the file is opened). */
		static final Set<String> PLACEHOLDERS = Set.of("{rule}", "{channel}", "{yyyy}", "{MM}", "{dd}", "{HH}", "{mm}",
				"{ss}");

		static File read(SettingsReader f) {
			String directory = f.string("directory", true, 500);
			if (directory != null && (directory.startsWith("/") || directory.startsWith("\\")
					|| directory.matches("(?s).*(^|[/\\\\])\\.\\.([/\\\\]|$).*") || directory.contains(":"))) {
				f.reject("directory", "must be a relative path without '..' (it lives under the data directory)");
			}
			String naming = f.string("naming", DEFAULT_NAMING, 200);
			if (naming != null
					&& (naming.isBlank() || naming.contains("/") || naming.contains("\\") || naming.contains(".."))) {
				f.reject("naming", "must be a file name template without path separators");
			}
			else if (naming != null) {
				List<String> unknown = Pattern.compile("\\{[^}]*}")
					.matcher(naming)
					.results()
					.map(MatchResult::group)
					.filter((placeholder) -> !PLACEHOLDERS.contains(placeholder))
					.toList();
				if (!unknown.isEmpty()) {
					f.reject("naming", "unknown placeholders " + unknown + "; use " + PLACEHOLDERS);
				}
			}
			Long rotateEveryMs = f.longValue("rotateEveryMs", 0L, 0, 86_400_000L * 366);
			if (rotateEveryMs != null && rotateEveryMs > 0 && rotateEveryMs < 60_000) {
				f.reject("rotateEveryMs", "must be 0 (by date only) or at least 60000");
			}
			Long rotateSizeBytes = f.longValue("rotateSizeBytes", 0L, 0, Long.MAX_VALUE);
			if (rotateSizeBytes != null && rotateSizeBytes > 0 && rotateSizeBytes < 1024) {
				f.reject("rotateSizeBytes", "must be 0 (no limit) or at least 1024");
			}
			return new File(directory, naming, rotateEveryMs, rotateSizeBytes);
		}

		@Override
		public String name() {
			return "FILE";
		}

		@Override
		public Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("directory", this.directory);
			map.put("naming", this.naming);
			map.put("rotateEveryMs", this.rotateEveryMs);
			map.put("rotateSizeBytes", this.rotateSizeBytes);
			return map;
		}

	}

}
