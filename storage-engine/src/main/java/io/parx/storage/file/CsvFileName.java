package io.parx.storage.file;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Expands a file name template: {@code {rule}}, {@code {channel}} and the UTC date parts
 * {@code {yyyy} {MM} {dd} {HH} {mm} {ss}} of the time the file is opened. Characters that
 * are not safe in a file name are replaced, so a rule name cannot reach another
 * directory.
 */
final class CsvFileName {

	private CsvFileName() {
	}

	static String expand(String template, String rule, long channelId, Instant openedAt) {
		ZonedDateTime t = openedAt.atZone(ZoneOffset.UTC);
		String name = template.replace("{rule}", safe(rule))
			.replace("{channel}", Long.toString(channelId))
			.replace("{yyyy}", "%04d".formatted(t.getYear()))
			.replace("{MM}", "%02d".formatted(t.getMonthValue()))
			.replace("{dd}", "%02d".formatted(t.getDayOfMonth()))
			.replace("{HH}", "%02d".formatted(t.getHour()))
			.replace("{mm}", "%02d".formatted(t.getMinute()))
			.replace("{ss}", "%02d".formatted(t.getSecond()));
		return safe(name);
	}

	static boolean perChannel(String template) {
		return template.contains("{channel}");
	}

	private static String safe(String text) {
		String safe = text.replaceAll("[^A-Za-z0-9._-]", "_");
		return safe.startsWith(".") ? "_" + safe.substring(1) : safe;
	}

}
