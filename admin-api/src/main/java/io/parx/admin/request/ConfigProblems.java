package io.parx.admin.request;

import java.util.List;

import io.parx.common.problem.ProblemException;
import io.parx.common.problem.ProblemType;
import io.parx.common.problem.Problems;
import io.parx.common.problem.Problems.FieldError;
import io.parx.common.web.TextRules;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The RFC 9457 problems of the configuration endpoints (channels, storage rules, batch
 * definitions, dashboards), built with common's {@link Problems} from the
 * {@link ProblemType} catalogue; the service's {@code ProblemHandler} renders them.
 */
public final class ConfigProblems {

	private ConfigProblems() {
	}

	public static ErrorResponseException invalid(String field, String message) {
		return Problems.validation(field, message);
	}

	public static ErrorResponseException formulaSyntax(String field, String message, int position) {
		String detail = message + " at position " + position;
		return Problems.formulaSyntax(field, detail, detail, position);
	}

	public static ErrorResponseException notFound(String entity, long id) {
		return Problems.notFound(entity, id);
	}

	public static ErrorResponseException versionConflict(String entity, long id, long expected, long current) {
		ProblemDetail problem = Problems.detail(ProblemType.VERSION_CONFLICT,
				entity + " " + id + " was changed by someone else: you sent version " + expected
						+ ", the current version is " + current + ". Reload it and apply your change again.");
		problem.setProperty("currentVersion", current);
		return new ProblemException(problem);
	}

	public static ErrorResponseException duplicateName(String entity, String name) {
		ProblemDetail problem = Problems.detail(ProblemType.CONFLICT,
				"a " + entity + " named '" + TextRules.prefix(name) + "' already exists");
		// the title names this case of a conflict, which the form shows next to the field
		problem.setTitle("Name already used");
		problem.setProperty("errors", List.of(new FieldError("name", "already used by another " + entity)));
		return new ProblemException(problem);
	}

	public static ErrorResponseException versionRequired() {
		return Problems.of(ProblemType.PRECONDITION_REQUIRED,
				"send the version you edited, as If-Match header (the ETag) or as \"version\" in the body");
	}

	public static ErrorResponseException forbidden(String detail) {
		return Problems.forbidden(detail);
	}

	public static ErrorResponseException collector(HttpStatusCode status, String detail) {
		return new ProblemException(status, Problems.detail(status, ProblemType.COLLECTOR_UNAVAILABLE, detail), null);
	}

}
