package io.parx.admin.system;

import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * The OpenAPI document at {@code /v3/api-docs}, from which the browser app generates its
 * types (web/frontend/openapi/admin-api.json): bearer JWT on every operation that is not
 * marked public, and the error answers as shared responses ({@code ref = "NotFound"}
 * etc.) of {@code application/problem+json}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI parxAdminOpenApi() {
		Components components = new Components().addSecuritySchemes("bearer",
				new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"));
		ModelConverters.getInstance(true).readAll(Problem.class).forEach(components::addSchemas);
		// the error answers operations refer to by name: @ApiResponse(responseCode =
		// "404", ref = "NotFound")
		components
			.addResponses("BadRequest",
					problem("Invalid input: /problems/validation names every bad field in errors; "
							+ "/problems/malformed-body when the body is missing or not JSON of the expected shape"))
			.addResponses("Unauthorized",
					problem("/problems/unauthorized: no, an invalid or an expired access token").addHeaderObject(
							"WWW-Authenticate", header("Bearer, with the reason (RFC 6750 §3)", new StringSchema())))
			.addResponses("Forbidden", problem("/problems/forbidden: your role does not allow this"))
			.addResponses("NotFound", problem("/problems/not-found: nothing with this id that you may see"))
			.addResponses("Conflict",
					problem("/problems/conflict: the change conflicts with stored data, e.g. a name already used"))
			.addResponses("VersionConflict",
					problem("/problems/version-conflict: the version sent is stale (currentVersion is the stored "
							+ "one); /problems/conflict: the change conflicts with stored data, e.g. a name already used"))
			.addResponses("PreconditionRequired",
					problem("/problems/precondition-required: send the version you edited, as If-Match or as version "
							+ "in the body"))
			.addResponses("CollectorUnavailable",
					problem("/problems/collector-unavailable: the collector cannot be reached or does not answer in "
							+ "time (503), or answers with an error (502)"))
			.addResponses("NotWritable",
					problem("/problems/not-writable: the channel is disabled or its settings do not say writable: "
							+ "true; nothing was sent to the device"))
			.addResponses("DeviceWriteFailed",
					problem("/problems/device-write-failed: the device refused the value or could not be reached "
							+ "(quality and qualityName say why); the attempt is audited"))
			.addResponses("DeviceTimeout",
					problem("/problems/device-timeout: the device or server did not answer in time; for a write, "
							+ "whether it took the value is unknown"))
			.addResponses("DiscoveryFailed",
					problem("/problems/discovery-failed: the server cannot be reached or refused the session or the "
							+ "request; detail says why"))
			.addResponses("DiscoveryBusy",
					problem("/problems/discovery-busy: the collector runs as many discoveries as it allows; try again "
							+ "after Retry-After seconds")
						.addHeaderObject("Retry-After", header("Seconds to wait", new IntegerSchema())))
			.addResponses("TooManyRequests",
					problem("/problems/too-many-requests: too many failed sign-ins; try again later")
						.addHeaderObject("Retry-After", header("Seconds to wait", new IntegerSchema())));
		components.addHeaders("ETag",
				new Header()
					.description(
							"The entity's version, quoted (\"3\"): send it back as If-Match when changing the entity")
					.schema(new StringSchema()));
		components.addParameters("IfMatch", new HeaderParameter().name("If-Match")
			.description("The ETag of the version you edited (RFC 9110 §13.1.1). An update needs it or version in "
					+ "the body; a deletion checks it when sent.")
			.schema(new StringSchema()));
		return new OpenAPI()
			.info(new Info().title("ParX admin-api")
				.version("v1")
				.description("Sign-in, users, audit, channels, storage rules and dashboards. "
						+ "Errors are application/problem+json (RFC 9457). See docs/API.md and docs/SECURITY.md.")
				.license(new License().name("Apache-2.0")))
			// relative, so that Swagger UI calls the host it was loaded from
			.servers(List.of(new Server().url("/")))
			.components(components)
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

	/**
	 * What every operation has in common, so that controllers need not repeat it: the 401
	 * answer of every operation that needs a token (all but those marked public with an
	 * empty {@code @SecurityRequirements}), the shared If-Match parameter and ETag
	 * header, and answers listed by status code.
	 */
	@Bean
	OpenApiCustomizer parxSettingsSchemas() {
		return new SettingsSchemas();
	}

	@Bean
	OpenApiCustomizer parxAdminCommonAnswers() {
		return (openApi) -> openApi.getPaths().values().forEach((path) -> path.readOperations().forEach((operation) -> {
			if (operation.getParameters() != null) {
				operation.getParameters()
					.replaceAll((parameter) -> ("header".equals(parameter.getIn())
							&& HttpHeaders.IF_MATCH.equalsIgnoreCase(parameter.getName()))
									? new Parameter().$ref("#/components/parameters/IfMatch") : parameter);
			}
			ApiResponses responses = operation.getResponses();
			if (operation.getSecurity() == null) {
				responses.addApiResponse("401", new ApiResponse().$ref("Unauthorized"));
			}
			ApiResponses sorted = new ApiResponses();
			responses.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach((entry) -> {
				if (entry.getValue().getHeaders() != null) {
					// springdoc adds a style next to a $ref, where OpenAPI allows none
					entry.getValue().getHeaders().values().forEach((header) -> header.setStyle(null));
				}
				sorted.addApiResponse(entry.getKey(), entry.getValue());
			});
			operation.setResponses(sorted);
		}));
	}

	private static Header header(String description, Schema<?> schema) {
		return new Header().description(description).schema(schema);
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
	}

}
