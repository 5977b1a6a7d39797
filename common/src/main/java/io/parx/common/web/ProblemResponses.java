package io.parx.common.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import io.parx.common.problem.ProblemType;

/**
 * The one way the services' OpenAPI documents describe an error answer: an
 * {@code application/problem+json} body of the {@code Problem} schema, described by its
 * {@link ProblemType}. Operations refer to the named responses, e.g.
 * {@code @ApiResponse(responseCode = "503", ref = ProblemResponses.AUDIT_UNAVAILABLE)}.
 */
public final class ProblemResponses {

	/** The name of the problem details schema in {@code components.schemas}. */
	public static final String SCHEMA = "Problem";

	/** The 503 of an operation whose change is audited. */
	public static final String AUDIT_UNAVAILABLE = "AuditUnavailable";

	private ProblemResponses() {
	}

	/** An error answer with this description and a problem details body. */
	public static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
	}

	/** An error answer of one problem type, e.g. "/problems/not-found: ...". */
	public static ApiResponse problem(ProblemType type, String explanation) {
		return problem(type.path() + ": " + explanation);
	}

	/**
	 * Adds the {@value #AUDIT_UNAVAILABLE} response, and a {@value #SCHEMA} schema with
	 * the members every problem has when the service describes none of its own.
	 */
	public static Components addAuditUnavailable(Components components) {
		if (components.getSchemas() == null || !components.getSchemas().containsKey(SCHEMA)) {
			components.addSchemas(SCHEMA, problemSchema());
		}
		return components.addResponses(AUDIT_UNAVAILABLE, problem(ProblemType.AUDIT_UNAVAILABLE,
				"the change was not made because its audit entry could not be written; try again later"));
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<?> problemSchema() {
		Map<String, Schema> properties = new java.util.LinkedHashMap<>();
		properties.put("type", new StringSchema().format("uri-reference")
			.description("What kind of problem, a stable URI reference such as /problems/validation"));
		properties.put("title", new StringSchema().description("Short summary of the kind of problem"));
		properties.put("status", new IntegerSchema().format("int32").description("The HTTP status code"));
		properties.put("detail", new StringSchema().description("What went wrong this time, for people"));
		properties.put("instance", new StringSchema().format("uri-reference").description("The request path"));
		return new ObjectSchema().description("RFC 9457 problem details")
			.properties(properties)
			.required(List.of("type", "title", "status"));
	}

}
