package io.parx.analytics.derived;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

import io.parx.analytics.history.Micros;
import io.parx.analytics.history.NumericSeries;
import io.parx.analytics.query.Range;
import io.parx.analytics.system.AnalyticsSettings;
import io.parx.analytics.system.ApiException;

/** Ad hoc formula evaluation and saved derived signals. */
@RestController
@RequestMapping("/api/v1/analytics/derived")
class DerivedController {

	private final FormulaRunner runner;

	private final DerivedSignalRepository repository;

	private final AnalyticsSettings settings;

	DerivedController(FormulaRunner runner, DerivedSignalRepository repository, AnalyticsSettings settings) {
		this.runner = runner;
		this.repository = repository;
		this.settings = settings;
	}

	record EvaluateRequest(String formula, Instant from, Instant to, String step, Integer maxPoints) {
	}

	record ValuePoint(Instant time, Double value) {
	}

	record EvaluateResponse(String formula, List<Long> channelIds, String step, List<ValuePoint> points) {
	}

	record SaveRequest(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
			@NotBlank @Size(max = 10_000) String formula, @Size(max = 50) String unit) {
	}

	record Page<T>(List<T> content, int page, int size, long totalElements) {
	}

	@PostMapping("/evaluate")
	EvaluateResponse evaluate(@RequestBody EvaluateRequest request) {
		FormulaRunner.Resolved resolved = this.runner.resolve(request.formula());
		Range range = Range.of(request.from(), request.to(), this.settings);
		int maxPoints = (request.maxPoints() != null) ? request.maxPoints() : this.settings.maxPoints();
		if (maxPoints < 1 || maxPoints > this.settings.maxPoints()) {
			throw ApiException.invalid("maxPoints", "must be 1 to " + this.settings.maxPoints());
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

	@PostMapping("/signals")
	ResponseEntity<DerivedSignal> save(@Valid @RequestBody SaveRequest request, Authentication user) {
		this.runner.resolve(request.formula());
		if (this.repository.nameTaken(request.name())) {
			throw new ApiException(HttpStatus.CONFLICT, "/problems/conflict", "Conflict",
					"a derived signal named '" + request.name() + "' exists already");
		}
		DerivedSignal saved = this.repository.insert(request.name(),
				(request.description() != null) ? request.description() : "", request.formula(),
				(request.unit() != null) ? request.unit() : "", user.getName());
		return ResponseEntity.status(HttpStatus.CREATED).body(saved);
	}

	@GetMapping("/signals")
	Page<DerivedSignal> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (page < 0) {
			throw ApiException.invalid("page", "must be 0 or more");
		}
		if (size < 1 || size > 500) {
			throw ApiException.invalid("size", "must be 1 to 500");
		}
		return new Page<>(this.repository.page(page, size), page, size, this.repository.count());
	}

	@GetMapping("/signals/{id}")
	DerivedSignal one(@PathVariable long id) {
		return this.repository.find(id).orElseThrow(() -> ApiException.notFound("derived signal", id));
	}

	@DeleteMapping("/signals/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		if (!this.repository.delete(id)) {
			throw ApiException.notFound("derived signal", id);
		}
		return ResponseEntity.noContent().build();
	}

}
