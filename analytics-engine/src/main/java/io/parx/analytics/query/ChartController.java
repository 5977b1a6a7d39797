package io.parx.analytics.query;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/analytics/chart}: what a trend chart draws, downsampled and in
 * columns (issue 15).
 */
@RestController
@Tag(name = "History")
class ChartController {

	private final QueryService service;

	ChartController(QueryService service) {
		this.service = service;
	}

	@Schema(name = "ChartResult", requiredProperties = { "series" })
	record ChartResponse(@Schema(
			description = "Channels first, then derived signals, each in the order asked") List<ChartSeries> series) {
	}

	@Operation(operationId = "chartHistory",
			summary = "A chart's history: channels and derived signals downsampled to maxPoints (LTTB or min-max "
					+ "over raw rows or the fitting rollup), as time and value arrays (every role)")
	@ApiResponse(responseCode = "200",
			headers = @Header(name = "Server-Timing",
					description = "query;dur=<ms>: time spent reading and downsampling (W3C Server Timing)",
					schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "413", ref = "TooLarge")
	@PostMapping("/api/v1/analytics/chart")
	ResponseEntity<ChartResponse> chart(@RequestBody ChartRequest request) {
		long started = System.nanoTime();
		List<ChartSeries> series = this.service.chart(request).stream().map(ChartSeries::of).toList();
		// The browser shows it next to its own fetch time: server against transfer.
		String timing = String.format(Locale.ROOT, "query;dur=%.1f", (System.nanoTime() - started) / 1e6);
		return ResponseEntity.ok().header("Server-Timing", timing).body(new ChartResponse(series));
	}

}
