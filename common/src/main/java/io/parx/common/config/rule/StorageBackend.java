package io.parx.common.config.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import io.parx.common.config.InvalidSettingsException;
import io.parx.common.config.SettingsReader;

/**
 * Where a storage rule's samples go: {@code storage_rule.backend} with its
 * {@code backend_settings} (config schema V1). The admin-api validates requests and
 * writes the stored document with these types; the storage engine reads the stored
 * document with them, so both apply the same rules and defaults.
 */
public sealed interface StorageBackend permits StorageBackend.Timescale, StorageBackend.File {

	/** The wire name, {@code storage_rule.backend}. */
	String name();

	/** The stored form, {@code storage_rule.backend_settings}. */
	Map<String, Object> toMap();

	/**
	 * Reads and validates the settings of one backend, recording every bad field and
	 * every unknown one.
	 * @param backend the wire name
	 * @return the backend, or {@code null} when a field was rejected
	 * @throws IllegalArgumentException for an unknown backend name
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

	/**
	 * Reads a stored settings document.
	 * @throws InvalidSettingsException naming every bad field
	 */
	static StorageBackend fromJson(String backend, Map<String, ?> json) {
		SettingsReader reader = new SettingsReader(json, "backendSettings.", new ArrayList<>());
		StorageBackend result = read(backend, reader);
		reader.throwIfAny();
		return result;
	}

	/** The {@code samples} table of the time-series database. */
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
	 * @param directory relative directory under the storage engine's CSV base directory
	 * @param naming file name template with {@code {rule}}, {@code {channel}} (the
	 * channel id) and the UTC date parts {@code {yyyy} {MM} {dd} {HH} {mm} {ss}}, or
	 * {@code null}: the storage engine's {@code parx.storage.file.default-naming}
	 * @param rotateEveryMs start a new file after this long (0, the default: by date
	 * only)
	 * @param rotateSizeBytes start a new file after this size (0, the default: no limit)
	 */
	record File(String directory, String naming, long rotateEveryMs, long rotateSizeBytes) implements StorageBackend {

		/** The placeholders the storage engine expands (UTC time the file is opened). */
		public static final Set<String> PLACEHOLDERS = Set.of("{rule}", "{channel}", "{yyyy}", "{MM}", "{dd}", "{HH}",
				"{mm}", "{ss}");

		/** Shortest time-based rotation. */
		public static final long MIN_ROTATE_EVERY_MS = 60_000;

		/** Smallest size-based rotation. */
		public static final long MIN_ROTATE_SIZE_BYTES = 1024;

		private static final long MAX_ROTATE_EVERY_MS = 86_400_000L * 366;

		private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");

		public File {
			Objects.requireNonNull(directory, "directory");
			String problem = directoryProblem(directory);
			if (problem == null && naming != null) {
				problem = namingProblem(naming);
			}
			if (problem == null) {
				problem = rotationProblem(rotateEveryMs, rotateSizeBytes);
			}
			if (problem != null) {
				throw new IllegalArgumentException(problem);
			}
		}

		static File read(SettingsReader f) {
			String directory = f.string("directory", true, 500);
			if (directory != null && directoryProblem(directory) != null) {
				f.reject("directory", directoryProblem(directory));
				directory = null;
			}
			int before = f.problems().size();
			String naming = f.string("naming", false, 200);
			if (naming != null && namingProblem(naming) != null) {
				f.reject("naming", namingProblem(naming));
			}
			boolean namingOk = f.problems().size() == before;
			Long rotateEveryMs = f.longValue("rotateEveryMs", 0L, 0, MAX_ROTATE_EVERY_MS);
			if (rotateEveryMs != null && rotateEveryMs > 0 && rotateEveryMs < MIN_ROTATE_EVERY_MS) {
				f.reject("rotateEveryMs", "must be 0 (by date only) or at least " + MIN_ROTATE_EVERY_MS);
				rotateEveryMs = null;
			}
			Long rotateSizeBytes = f.longValue("rotateSizeBytes", 0L, 0, Long.MAX_VALUE);
			if (rotateSizeBytes != null && rotateSizeBytes > 0 && rotateSizeBytes < MIN_ROTATE_SIZE_BYTES) {
				f.reject("rotateSizeBytes", "must be 0 (no limit) or at least " + MIN_ROTATE_SIZE_BYTES);
				rotateSizeBytes = null;
			}
			if (directory == null || !namingOk || rotateEveryMs == null || rotateSizeBytes == null) {
				return null;
			}
			return new File(directory, naming, rotateEveryMs, rotateSizeBytes);
		}

		private static String directoryProblem(String directory) {
			if (directory.isBlank() || directory.startsWith("/") || directory.startsWith("\\")
					|| directory.matches("(?s).*(^|[/\\\\])\\.\\.([/\\\\]|$).*") || directory.contains(":")) {
				return "must be a relative path without '..' (it lives under the data directory)";
			}
			return null;
		}

		private static String namingProblem(String naming) {
			if (naming.isBlank() || naming.contains("/") || naming.contains("\\") || naming.contains("..")) {
				return "must be a file name template without path separators";
			}
			List<String> unknown = PLACEHOLDER.matcher(naming)
				.results()
				.map(MatchResult::group)
				.filter((placeholder) -> !PLACEHOLDERS.contains(placeholder))
				.toList();
			return unknown.isEmpty() ? null : "unknown placeholders " + unknown + "; use " + PLACEHOLDERS;
		}

		private static String rotationProblem(long rotateEveryMs, long rotateSizeBytes) {
			if (rotateEveryMs < 0 || rotateSizeBytes < 0) {
				return "rotation limits must not be negative";
			}
			return null;
		}

		/** The template to use, this rule's or the storage engine's default. */
		public String namingOr(String defaultNaming) {
			return (this.naming != null) ? this.naming : defaultNaming;
		}

		@Override
		public String name() {
			return "FILE";
		}

		@Override
		public Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("directory", this.directory);
			if (this.naming != null) {
				map.put("naming", this.naming);
			}
			map.put("rotateEveryMs", this.rotateEveryMs);
			map.put("rotateSizeBytes", this.rotateSizeBytes);
			return map;
		}

	}

}
