package io.parx.analytics.derived;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.parx.common.web.ProblemResponses;
import io.parx.analytics.history.Micros;
import io.parx.analytics.history.NumericSeries;
import io.parx.analytics.history.Range;
import io.parx.analytics.system.AnalyticsSettings;
import io.parx.common.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Ad hoc formula evaluation and saved derived signals. */
@RestController
@Tag(name = "Derived signals", description = "Formulas over channels, evaluated ad hoc or saved; see docs/FORMULAS.md")
@RequestMapping("/api/v1/analytics/derived")
class DerivedController {

	private final FormulaRunner runner;

	private final DerivedSignalRepository repository;

	private final DerivedSignalChanges changes;

	private final AnalyticsSettings settings;

	DerivedController(FormulaRunner runner, DerivedSignalRepository repository, DerivedSignalChanges changes,
			AnalyticsSettings settings) {
		this.runner = runner;
		this.repository = repository;
		this.changes = changes;
		this.settings = settings;
	}

	@Schema(requiredProperties = { "formula", "from", "to" })
	record EvaluateRequest(@Schema(description = "Channels as #42 or [Line1.Temp]") String formula,
			@Schema(description = "Inclusive") Instant from, @Schema(description = "Exclusive") Instant to,
			@Schema(description = "Grid step, e.g. 20s, PT1M; default the finest whole second giving at most "
					+ "maxPoints points") String step,
			@Schema(description = "Default and most 100000", minimum = "1") Integer maxPoints) {
	}

	@Schema(requiredProperties = { "time", "value" })
	record ValuePoint(Instant time,
			@Schema(description = "null where the formula is undefined", nullable = true) Double value) {
	}

	@Schema(name = "EvaluateResult", requiredProperties = { "formula", "channelIds", "step", "points" })
	record EvaluateResponse(String formula,
			@Schema(description = "The channels the formula reads") List<Long> channelIds,
			@Schema(description = "The grid step used, ISO-8601 (PT20S)") String step, List<ValuePoint> points) {
	}

	@Schema(name = "DerivedSignalRequest", requiredProperties = { "name", "formula" })
	record SaveRequest(@Schema(description = "Unique") @NotBlank @Size(max = 200) String name,
			@Size(max = 2000) String description, @NotBlank @Size(max = 10_000) String formula,
			@Size(max = 50) String unit) {
	}

	record Page<T>(List<T> content, int page, int size, long totalElements) {
	}

	/** The list answer, as the OpenAPI document describes it. Documentation only. */
	@Schema(name = "PagedDerivedSignals", requiredProperties = { "content", "page", "size", "totalElements" })
	record PagedDerivedSignals(List<DerivedSignal> content, int page, int size, long totalElements) {
	}

	@Operation(operationId = "evaluateFormula", summary = "Evaluate a formula over a range, on a grid (every role)")
	@ApiResponse(responseCode = "200")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "413", ref = "TooLarge")
	@PostMapping("/evaluate")
	EvaluateResponse evaluate(@RequestBody EvaluateRequest request) {
		FormulaRunner.Resolved resolved = this.runner.resolve(request.formula());
		Range range = Range.of(request.from(), request.to(), this.settings);
		int maxPoints = (request.maxPoints() != null) ? request.maxPoints() : this.settings.maxPoints();
		if (maxPoints < 1 || maxPoints > this.settings.maxPoints()) {
			throw Problems.validation("maxPoints", "must be 1 to " + this.settings.maxPoints());
		}
		long rangeMicros = Micros.of(range.to()) - Micros.of(range.from());
		long step = Step.parse("step", request.step());
		if (step == 0) {
			step = Step.auto(rangeMicros, maxPoints);
		}
		NumericSeries series = this.runner.run(resolved, range.from(), range.to(), step, maxPoints);
		List<ValuePoint> points = new ArrayList<>(series.size());
		for (int i = 0; i < series.size(); i++) {
			double value = series.value(i);
			points.add(new ValuePoint(Micros.toInstant(series.time(i)), Double.isNaN(value) ? null : value));
		}
		return new EvaluateResponse(request.formula(), resolved.channelIds(),
				java.time.Duration.ofNanos(step * 1000).toString(), points);
	}

	@Operation(operationId = "createDerivedSignal",
			summary = "Save a formula as a derived signal, queried like a channel (ENGINEER, ADMIN)")
	@ApiResponse(responseCode = "201")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "409", ref = "Conflict")
	@ApiResponse(responseCode = "503", ref = ProblemResponses.AUDIT_UNAVAILABLE)
	@PostMapping("/signals")
	ResponseEntity<DerivedSignal> save(@Valid @RequestBody SaveRequest request,
			@Parameter(hidden = true) Authentication user) {
		this.runner.resolve(request.formula());
		if (this.repository.nameTaken(request.name())) {
			throw Problems.conflict("a derived signal named '" + request.name() + "' exists already");
		}
		DerivedSignal saved = this.changes.create(request.name(),
				(request.description() != null) ? request.description() : "", request.formula(),
				(request.unit() != null) ? request.unit() : "", user.getName());
		return ResponseEntity.status(HttpStatus.CREATED).body(saved);
	}

	@Operation(operationId = "listDerivedSignals", summary = "Saved derived signals, by name (every role)")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PagedDerivedSignals.class)))
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@GetMapping("/signals")
	Page<DerivedSignal> list(
			@Parameter(description = "From 0",
					schema = @Schema(type = "integer", format = "int32", minimum = "0",
							defaultValue = "0")) @RequestParam(defaultValue = "0") int page,
			@Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "500",
					defaultValue = "50")) @RequestParam(defaultValue = "50") int size) {
		if (page < 0) {
			throw Problems.validation("page", "must be 0 or more");
		}
		if (size < 1 || size > 500) {
			throw Problems.validation("size", "must be 1 to 500");
		}
		return new Page<>(this.repository.page(page, size), page, size, this.repository.count());
	}

	@Operation(operationId = "getDerivedSignal", summary = "One derived signal (every role)")
	@ApiResponse(responseCode = "200")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@GetMapping("/signals/{id}")
	DerivedSignal one(@PathVariable long id) {
		return this.repository.find(id).orElseThrow(() -> Problems.notFound("derived signal", id));
	}

	@Operation(operationId = "deleteDerivedSignal", summary = "Delete a derived signal (ENGINEER, ADMIN)")
	@ApiResponse(responseCode = "204")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "503", ref = ProblemResponses.AUDIT_UNAVAILABLE)
	@DeleteMapping("/signals/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.changes.delete(id).orElseThrow(() -> Problems.notFound("derived signal", id));
		return ResponseEntity.noContent().build();
	}

}
