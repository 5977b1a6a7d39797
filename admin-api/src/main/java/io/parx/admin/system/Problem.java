package io.parx.admin.system;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import io.parx.common.problem.Problems;

/**
 * An error answer as the OpenAPI document describes it: RFC 9457 problem details
 * ({@code application/problem+json}) with the members the admin-api adds. Documentation
 * only; errors are {@code ProblemDetail}s built by {@link Problems} and rendered by
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
		@Schema(description = "The invalid fields (/problems/validation, /problems/formula-syntax, and a name "
				+ "already used)") List<Problems.FieldError> errors,
		@Schema(description = "0-based position of a formula syntax error (/problems/formula-syntax)") Integer position,
		@Schema(description = "The current version of the entity (/problems/version-conflict)") Long currentVersion,
		@Schema(description = "Seconds to wait before trying again, as in Retry-After (/problems/too-many-requests)") Long retryAfterSeconds,
		@Schema(description = "The write's OPC UA StatusCode as an unsigned number (/problems/device-write-failed, "
				+ "/problems/device-timeout)") Long quality,
		@Schema(description = "Its symbolic name, e.g. Bad_NotConnected (/problems/device-write-failed, "
				+ "/problems/device-timeout)") String qualityName) {

}
