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
 * Bulk create or update of channels, matched by name, and bulk create only (channels from
 * a discovery selection, which must never change a channel of the same name). Each row is
 * its own transaction: good rows are stored even when others are rejected, and the answer
 * lists every rejected row with its field errors, so the file can be fixed and imported
 * again. Validation, audit and config events are those of a single create.
 */
@Component
public class ChannelImport {

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

	/**
	 * Creates a channel per row; a row whose name is taken is rejected naming
	 * {@code name}, never an update.
	 * @param rows channels in the JSON form of {@code POST /api/v1/io/channels}
	 */
	public Created createRows(List<Map<String, Object>> rows) {
		if (rows.size() > MAX_ROWS) {
			throw ConfigProblems.invalid("body", "at most " + MAX_ROWS + " rows per import");
		}
		List<CreatedChannel> channels = new ArrayList<>();
		List<RowError> errors = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Map<String, Object> row = rows.get(i);
			try {
				Channel created = this.channels.create(row);
				channels.add(new CreatedChannel(i + 1, created.id(), created.name()));
			}
			catch (ErrorResponseException ex) {
				List<FieldError> fields = (ex.getStatusCode().value() == 409)
						? List.of(new FieldError("name", ex.getBody().getDetail())) : fieldErrors(ex.getBody());
				errors.add(new RowError(i + 1, (row.get("name") instanceof String s) ? TextRules.prefix(s) : null,
						fields));
			}
		}
		return new Created(channels.size(), errors.size(), channels, errors);
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
	public record RowError(int row, @Schema(nullable = true) String name, List<FieldError> errors) {
	}

	/**
	 * @param created rows that created a channel
	 * @param failed rows rejected
	 * @param channels the channels created
	 * @param errors why, per rejected row
	 */
	@Schema(name = "ChannelsCreated", requiredProperties = { "created", "failed", "channels", "errors" })
	public record Created(int created, int failed, List<CreatedChannel> channels, List<RowError> errors) {
	}

	/**
	 * @param row 1-based position of the row
	 * @param id the new channel's id
	 * @param name its name
	 */
	@Schema(name = "ChannelCreated", requiredProperties = { "row", "id", "name" })
	public record CreatedChannel(int row, long id, String name) {
	}

}
