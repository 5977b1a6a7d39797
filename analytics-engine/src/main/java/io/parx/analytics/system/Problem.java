package io.parx.analytics.system;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import io.parx.common.problem.Problems;

/**
 * An error answer as the OpenAPI document describes it: RFC 9457 problem details
 * ({@code application/problem+json}) with the members the analytics engine adds.
 * Documentation only; errors are {@code ProblemException}s rendered by
 * {@link ProblemHandler}.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details", requiredProperties = { "type", "title", "status" })
public record Problem(
		@Schema(description = "What kind of problem, a stable URI reference such as /problems/validation",
				format = "uri-reference") String type,
		@Schema(description = "Short summary of the kind of problem") String title,
		@Schema(description = "The HTTP status code") int status,
		@Schema(description = "What went wrong this time, for people") String detail,
		@Schema(description = "The request path", format = "uri-reference") String instance,
		@Schema(description = "The invalid fields (/problems/validation, /problems/formula-syntax)") List<Problems.FieldError> errors,
		@Schema(description = "0-based position of a formula syntax error (/problems/formula-syntax)") Integer position,
		@Schema(description = "How to ask for less (/problems/too-large)") String hint) {

}
