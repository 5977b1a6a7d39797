package io.parx.admin.request;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic locking over HTTP (RFC 9110 §8.8.3, §13.1.1): the ETag of an entity is its
 * version, and an update must say which version it edited, by {@code If-Match} or by a
 * {@code version} field in the body.
 */
public final class ETags {

	private static final Pattern TAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

	private ETags() {
	}

	public static String of(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version the client edited.
	 * @param ifMatch the {@code If-Match} header, or {@code null}
	 * @param bodyVersion the {@code version} of the body, or {@code null}
	 * @param current the stored version, returned for {@code If-Match: *}
	 * @throws org.springframework.web.ErrorResponseException 428 if neither is sent, 400
	 * if the header is not one of our ETags
	 */
	public static long expected(String ifMatch, Long bodyVersion, long current) {
		if (ifMatch != null && !ifMatch.isBlank()) {
			String value = ifMatch.strip();
			if (value.equals("*")) {
				return current;
			}
			Matcher m = TAG.matcher(value);
			if (!m.matches()) {
				throw ConfigProblems.invalid("If-Match", "must be the ETag of the version you edited, e.g. \"3\"");
			}
			return Long.parseLong(m.group(1));
		}
		if (bodyVersion != null) {
			return bodyVersion;
		}
		throw ConfigProblems.versionRequired();
	}

	/** Like {@link #expected}, but a missing version means "any" (used by deletions). */
	public static long expectedOrCurrent(String ifMatch, long current) {
		return (ifMatch == null || ifMatch.isBlank()) ? current : expected(ifMatch, null, current);
	}

}
