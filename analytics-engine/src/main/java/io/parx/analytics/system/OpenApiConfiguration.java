package io.parx.analytics.system;

import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import io.parx.common.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}, from which the browser app generates its
 * types (web/frontend/openapi/analytics-engine.json): bearer JWT on every operation, and
 * the error answers as shared responses ({@code ref = "NotFound"} etc.) of
 * {@code application/problem+json}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI parxAnalyticsOpenApi() {
		Components components = new Components().addSecuritySchemes("bearer",
				new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"));
		ModelConverters.getInstance(true).readAll(Problem.class).forEach(components::addSchemas);
		// the error answers operations refer to by name: @ApiResponse(responseCode =
		// "404", ref = "NotFound")
		components
			.addResponses("BadRequest", problem("Invalid input: /problems/validation names the bad field in errors; "
					+ "/problems/formula-syntax gives the position; /problems/malformed-body when the body is not JSON "
					+ "of the expected shape"))
			.addResponses("Unauthorized",
					problem("/problems/unauthorized: no, an invalid or an expired access token").addHeaderObject(
							"WWW-Authenticate",
							new Header().description("Bearer, with the reason (RFC 6750 §3)")
								.schema(new StringSchema())))
			.addResponses("Forbidden", problem("/problems/forbidden: your role does not allow this"))
			.addResponses("NotFound",
					problem("/problems/not-found: a channel, batch or derived signal named by the "
							+ "request does not exist"))
			.addResponses("Conflict", problem("/problems/conflict: the name is already used"))
			.addResponses("TooLarge", problem("/problems/too-large: the request exceeds a limit (range, points, "
					+ "series, raw rows); hint says how to ask for less"));
		ProblemResponses.addAuditUnavailable(components);
		return new OpenAPI()
			.info(new Info().title("ParX analytics-engine")
				.version("v1")
				.description("History queries, statistics, derived signals, batches and exports. "
						+ "Errors are application/problem+json (RFC 9457). See docs/ANALYTICS.md.")
				.license(new License().name("Apache-2.0")))
			// relative, so that Swagger UI calls the host it was loaded from
			.servers(List.of(new Server().url("/")))
			.components(components)
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

	/**
	 * What every operation has in common, so that controllers need not repeat it: the 401
	 * answer (every operation needs a token) and answers listed by status code.
	 */
	@Bean
	OpenApiCustomizer parxAnalyticsCommonAnswers() {
		return (openApi) -> openApi.getPaths().values().forEach((path) -> path.readOperations().forEach((operation) -> {
			ApiResponses responses = operation.getResponses();
			if (operation.getSecurity() == null) {
				responses.addApiResponse("401", new ApiResponse().$ref("Unauthorized"));
			}
			ApiResponses sorted = new ApiResponses();
			responses.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.forEach((entry) -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
			operation.setResponses(sorted);
		}));
	}

	private static ApiResponse problem(String description) {
		return ProblemResponses.problem(description);
	}

}
