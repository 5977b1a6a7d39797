package io.parx.common.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.parx.common.audit.AuditUnavailableException;
import io.parx.common.config.FieldProblem;
import io.parx.common.config.InvalidSettingsException;
import io.parx.common.problem.ProblemType;
import io.parx.common.problem.Problems;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The problems every service answers alike, through a service-like handler and a fixture
 * controller (Spring MVC standalone, no container).
 */
class StandardProblemHandlerTests {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Fixture())
		.setControllerAdvice(new Handler())
		.build();

	@Test
	void aBodyThatIsNotJsonIsAMalformedBodyNamingTheBody() throws Exception {
		this.mvc.perform(post("/echo").contentType(MediaType.APPLICATION_JSON).content("{not json"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("/problems/malformed-body"))
			.andExpect(jsonPath("$.errors[0].field").value("body"));
	}

	@Test
	void aParameterOfTheWrongTypeIsAValidationProblemNamingIt() throws Exception {
		this.mvc.perform(get("/count").param("limit", "many"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("/problems/validation"))
			.andExpect(jsonPath("$.title").value("Invalid input"))
			.andExpect(jsonPath("$.errors[0].field").value("limit"))
			.andExpect(jsonPath("$.errors[0].message").value("has an invalid value 'many'"));
	}

	@Test
	void settingsBreakingTheirContractNameEveryBadField() throws Exception {
		this.mvc.perform(get("/settings"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("/problems/validation"))
			.andExpect(jsonPath("$.errors[0].field").value("settings.port"))
			.andExpect(jsonPath("$.errors[1].field").value("settings.host"));
	}

	@Test
	void aMissingEntityIsNotFound() throws Exception {
		this.mvc.perform(get("/missing"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("/problems/not-found"))
			.andExpect(jsonPath("$.detail").value("channel 7 does not exist"));
	}

	@Test
	void aBodyOverTheLimitIsTooLarge() throws Exception {
		this.mvc.perform(get("/large"))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.type").value("/problems/too-large"))
			.andExpect(jsonPath("$.limitBytes").value(1024));
	}

	@Test
	void aChangeThatCannotBeAuditedIsServiceUnavailable() throws Exception {
		this.mvc.perform(get("/unaudited"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.type").value(ProblemType.AUDIT_UNAVAILABLE.path()))
			.andExpect(jsonPath("$.title").value("Audit unavailable"));
	}

	@Test
	void aRoleThatDoesNotAllowTheOperationIsForbidden() throws Exception {
		this.mvc.perform(get("/denied"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("/problems/forbidden"));
	}

	@Test
	void anythingUnexpectedIsAnInternalErrorThatSaysNothingOfItsCause() throws Exception {
		this.mvc.perform(get("/broken"))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.type").value("/problems/internal"))
			.andExpect(content().string(not(containsString("secret-table"))))
			.andExpect(content().string(not(containsString("at io.parx"))));
	}

	@Test
	void aServiceMayKeepItsOwnNameForAMalformedBody() throws Exception {
		MockMvc collectorLike = MockMvcBuilders.standaloneSetup(new Fixture())
			.setControllerAdvice(new MalformedRequestHandler())
			.build();
		collectorLike.perform(post("/echo").contentType(MediaType.APPLICATION_JSON).content("[1,"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("/problems/malformed-request"));
	}

	@RestControllerAdvice
	static class Handler extends StandardProblemHandler {

	}

	@RestControllerAdvice
	static class MalformedRequestHandler extends StandardProblemHandler {

		@Override
		protected ProblemType malformedBodyType() {
			return ProblemType.MALFORMED_REQUEST;
		}

	}

	@RestController
	static class Fixture {

		record Named(String name) {
		}

		@PostMapping("/echo")
		Named echo(@RequestBody Named body) {
			return body;
		}

		@GetMapping("/count")
		int count(@RequestParam int limit) {
			return limit;
		}

		@GetMapping("/settings")
		Map<String, Object> settings() {
			throw new InvalidSettingsException(List.of(new FieldProblem("settings.port", "must be between 1 and 65535"),
					new FieldProblem("settings.host", "is required")));
		}

		@GetMapping("/missing")
		Map<String, Object> missing() {
			throw Problems.notFound("channel", 7L);
		}

		@GetMapping("/large")
		Map<String, Object> large() {
			throw new RequestTooLargeException(DataSize.ofKilobytes(1));
		}

		@GetMapping("/unaudited")
		Map<String, Object> unaudited() {
			throw new AuditUnavailableException(new IllegalStateException("config database down"));
		}

		@GetMapping("/denied")
		Map<String, Object> denied() {
			throw new AccessDeniedException("no");
		}

		@GetMapping("/broken")
		Map<String, Object> broken() {
			throw new IllegalStateException("relation secret-table does not exist");
		}

	}

}
