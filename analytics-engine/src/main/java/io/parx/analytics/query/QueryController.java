package io.parx.analytics.query;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/analytics/query}: history of several channels and derived signals.
 */
@RestController
@Tag(name = "History", description = "Queries, statistics and latest values; see docs/ANALYTICS.md")
class QueryController {

	private final QueryService service;

	QueryController(QueryService service) {
		this.service = service;
	}

	@Schema(name = "QueryResult", requiredProperties = { "series" })
	record QueryResponse(@Schema(
			description = "Channels first, then derived signals, each in the order asked") List<Series> series) {
	}

	@Operation(operationId = "queryHistory",
			summary = "History of channels and derived signals: raw, aggregated per interval, gap-filled or "
					+ "downsampled (every role)")
	@ApiResponse(responseCode = "200")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "413", ref = "TooLarge")
	@PostMapping("/api/v1/analytics/query")
	QueryResponse query(@RequestBody QueryRequest request) {
		return new QueryResponse(this.service.query(request));
	}

}
