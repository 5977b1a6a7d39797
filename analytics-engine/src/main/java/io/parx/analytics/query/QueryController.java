package io.parx.analytics.query;

import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/analytics/query}: history of several channels and derived signals.
 */
@RestController
class QueryController {

	private final QueryService service;

	QueryController(QueryService service) {
		this.service = service;
	}

	record QueryResponse(List<Series> series) {
	}

	@PostMapping("/api/v1/analytics/query")
	QueryResponse query(@RequestBody QueryRequest request) {
		return new QueryResponse(this.service.query(request));
	}

}
