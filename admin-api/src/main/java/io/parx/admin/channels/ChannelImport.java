package io.parx.admin.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parx.admin.request.ConfigProblems;
import io.parx.common.problem.Problems.FieldError;
import io.parx.common.web.TextRules;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Bulk create or update of channels, matched by name. Each row is its own transaction:
 * good rows are stored even when others are rejected, and the answer lists every rejected
 * row with its field errors, so the file can be fixed and imported again.
 */
@Component
class ChannelImport {

	static final int MAX_ROWS = 10_000;

	private final ChannelService channels;

	ChannelImport(ChannelService channels) {
		this.channels = channels;
	}

	Result importRows(List<?> rows) {
		if (rows.size() > MAX_ROWS) {
			throw ConfigProblems.invalid("body", "at most " + MAX_ROWS + " rows per import");
		}
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		List<RowError> errors = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Object row = rows.get(i);
			if (!(row instanceof Map<?, ?> map)) {
				errors.add(new RowError(i + 1, null, List.of(new FieldError("", "each row must be a channel object"))));
				continue;
			}
			@SuppressWarnings("unchecked")
			Map<String, ?> channel = (Map<String, ?>) map;
			try {
				switch (this.channels.upsert(channel)) {
					case CREATED -> created++;
					case UPDATED -> updated++;
					case UNCHANGED -> unchanged++;
				}
			}
			catch (ErrorResponseException ex) {
				errors.add(new RowError(i + 1, (channel.get("name") instanceof String s) ? TextRules.prefix(s) : null,
						fieldErrors(ex.getBody())));
			}
		}
		return new Result(created, updated, unchanged, errors.size(), errors);
	}

	@SuppressWarnings("unchecked")
	private static List<FieldError> fieldErrors(ProblemDetail problem) {
		Map<String, Object> properties = problem.getProperties();
		if (properties != null && properties.get("errors") instanceof List<?> list) {
			return (List<FieldError>) list;
		}
		return List.of(new FieldError("", problem.getDetail()));
	}

	/**
	 * @param created rows that created a channel
	 * @param updated rows that updated the channel of the same name
	 * @param unchanged rows equal to the stored channel of the same name (nothing stored)
	 * @param failed rows rejected
	 * @param errors why, per rejected row
	 */
	@Schema(name = "ChannelImportResult",
			requiredProperties = { "created", "updated", "unchanged", "failed", "errors" })
	record Result(int created, int updated, int unchanged, int failed, List<RowError> errors) {
	}

	/**
	 * @param row 1-based position of the row among the data rows (the CSV header is not
	 * counted)
	 * @param name the row's channel name, if it had one
	 * @param errors its field errors
	 */
	@Schema(name = "ChannelImportError", requiredProperties = { "row", "name", "errors" })
	record RowError(int row, @Schema(nullable = true) String name, List<FieldError> errors) {
	}

}
