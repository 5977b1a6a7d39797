package io.parx.admin.channels;

import java.net.URI;
import java.util.List;

import io.parx.admin.system.Problems;
import io.parx.admin.system.Problems.FieldError;
import io.parx.common.web.TextRules;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The RFC 9457 problems of the configuration endpoints (channels, storage rules, batch
 * definitions, dashboards). They are {@link ErrorResponseException}s, so the service's
 * {@code ResponseEntityExceptionHandler} renders them as {@code application/problem+json}
 * with stable {@code type} URIs; the common ones come from {@link Problems}.
 */
public final class ConfigProblems {

	static final URI FORMULA_SYNTAX = URI.create("/problems/formula-syntax");

	static final URI PRECONDITION_REQUIRED = URI.create("/problems/precondition-required");

	static final URI COLLECTOR_UNAVAILABLE = URI.create("/problems/collector-unavailable");

	private ConfigProblems() {
	}

	public static ErrorResponseException invalid(String field, String message) {
		return Problems.validation(field, message);
	}

	public static ErrorResponseException formulaSyntax(String field, String message, int position) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, FORMULA_SYNTAX, "Formula syntax error",
				message + " at position " + position);
		problem.setProperty("position", position);
		problem.setProperty("errors", List.of(new FieldError(field, message + " at position " + position)));
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	public static ErrorResponseException notFound(String entity, long id) {
		return Problems.notFound(entity, id);
	}

	public static ErrorResponseException versionConflict(String entity, long id, long expected, long current) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, Problems.VERSION_CONFLICT, "Version conflict",
				entity + " " + id + " was changed by someone else: you sent version " + expected
						+ ", the current version is " + current + ". Reload it and apply your change again.");
		problem.setProperty("currentVersion", current);
		return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
	}

	public static ErrorResponseException duplicateName(String entity, String name) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, Problems.CONFLICT, "Name already used",
				"a " + entity + " named '" + TextRules.prefix(name) + "' already exists");
		problem.setProperty("errors", List.of(new FieldError("name", "already used by another " + entity)));
		return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
	}

	public static ErrorResponseException versionRequired() {
		return new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED,
				problem(HttpStatus.PRECONDITION_REQUIRED, PRECONDITION_REQUIRED, "Version required",
						"send the version you edited, as If-Match header (the ETag) or as \"version\" in the body"),
				null);
	}

	public static ErrorResponseException forbidden(String detail) {
		return Problems.forbidden(detail);
	}

	public static ErrorResponseException collector(HttpStatusCode status, String detail) {
		return new ErrorResponseException(status,
				problem(status, COLLECTOR_UNAVAILABLE, "Collector unavailable", detail), null);
	}

	private static ProblemDetail problem(HttpStatusCode status, URI type, String title, String detail) {
		return Problems.detail(status, type, title, detail);
	}

}
