package io.parx.common.problem;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProblemsTests {

	@Test
	void everyTypeIsAProblemsPathWithATitleAndAnErrorStatus() {
		for (ProblemType type : ProblemType.values()) {
			assertThat(type.path()).startsWith("/problems/").matches("/problems/[a-z-]+");
			assertThat(type.uri().toString()).isEqualTo(type.path());
			assertThat(type.title()).isNotBlank();
			assertThat(type.status().isError()).isTrue();
			assertThat(ProblemType.of(type.path())).isSameAs(type);
		}
	}

	@Test
	void noTwoTypesShareAPath() {
		assertThat(List.of(ProblemType.values()).stream().map(ProblemType::path).distinct())
			.hasSize(ProblemType.values().length);
	}

	@Test
	void anUnknownPathIsNotAProblemType() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProblemType.of("/problems/nothing"));
	}

	@Test
	void aValidationProblemNamesEveryFieldInErrors() {
		ProblemDetail problem = Problems.validation(List.of(new Problems.FieldError("name", "is required"),
				new Problems.FieldError("settings.port", "must be between 1 and 65535")))
			.problem();
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getType()).hasToString("/problems/validation");
		assertThat(problem.getTitle()).isEqualTo("Invalid input");
		assertThat(problem.getDetail()).isEqualTo("2 fields are invalid");
		assertThat(problem.getProperties()).containsEntry("errors",
				List.of(new Problems.FieldError("name", "is required"),
						new Problems.FieldError("settings.port", "must be between 1 and 65535")));
	}

	@Test
	void oneInvalidFieldIsCountedInTheSingular() {
		assertThat(Problems.validation("name", "is required").problem().getDetail()).isEqualTo("1 field is invalid");
	}

	@Test
	void aMissingEntityIsNamedWithItsId() {
		ProblemException missing = Problems.notFound("channel", 42L);
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(missing.problem().getType()).hasToString("/problems/not-found");
		assertThat(missing.problem().getDetail()).isEqualTo("channel 42 does not exist");
	}

	@Test
	void aTooLargeRequestSaysHowToAskForLess() {
		ProblemDetail problem = Problems.tooLarge("more than 50 series", "ask for fewer channels").problem();
		assertThat(problem.getStatus()).isEqualTo(413);
		assertThat(problem.getType()).hasToString("/problems/too-large");
		assertThat(problem.getProperties()).containsEntry("hint", "ask for fewer channels");
	}

	@Test
	void aFormulaSyntaxErrorCarriesItsPositionAndField() {
		ProblemDetail problem = Problems.formulaSyntax("formula", "unexpected ')' at position 4", "unexpected ')'", 4)
			.problem();
		assertThat(problem.getType()).hasToString("/problems/formula-syntax");
		assertThat(problem.getProperties()).containsEntry("position", 4)
			.containsEntry("errors", List.of(new Problems.FieldError("formula", "unexpected ')'")));
	}

	@Test
	void tooManyRequestsRoundsRetryAfterUpToWholeSeconds() {
		ProblemException exception = Problems.tooManyRequests("too many failed sign-ins", Duration.ofMillis(1200));
		assertThat(exception.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
		assertThat(exception.problem().getProperties()).containsEntry("retryAfterSeconds", 2L);
	}

	@Test
	void aTypeMayBeAnsweredWithAnotherStatusKeepingItsTitle() {
		ProblemDetail problem = Problems.detail(HttpStatus.GATEWAY_TIMEOUT, ProblemType.COLLECTOR_UNAVAILABLE,
				"the collector did not answer in time");
		assertThat(problem.getStatus()).isEqualTo(504);
		assertThat(problem.getTitle()).isEqualTo("Collector unavailable");
	}

	@Test
	void theInternalProblemSaysNothingOfItsCause() {
		assertThat(Problems.internal().getDetail()).isEqualTo("an unexpected error occurred; it has been logged");
		assertThat(Problems.internal().getType()).hasToString("/problems/internal");
	}

}
