package io.parx.collector.api;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.parx.common.problem.ProblemType;
import io.parx.common.web.ProblemResponses;

/** The OpenAPI document at {@code /v3/api-docs}: bearer JWT on every operation. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI parxCollectorOpenApi() {
		return new OpenAPI().info(new Info().title("ParX collector")
			.version("v1")
			.description(
					"Reads devices: the live channel test, writes, discovery, the status and the OPC UA trust list. Errors are application/problem+json (RFC 9457).")
			.license(new License().name("Apache-2.0")))
			// relative, so that Swagger UI calls the host it was loaded from
			.servers(List.of(new Server().url("/")))
			.components(problemResponses(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

	/**
	 * The error answers operations refer to by name:
	 * {@code @ApiResponse(responseCode = "404", ref = "NotFound")}.
	 */
	private static Components problemResponses(Components components) {
		ProblemResponses.addAuditUnavailable(components);
		return components
			.addResponses("BadRequest",
					ProblemResponses.problem(ProblemType.VALIDATION, "names the bad field or parameter in errors"))
			.addResponses("Forbidden", ProblemResponses.problem(ProblemType.FORBIDDEN, "your role does not allow this"))
			.addResponses("NotFound",
					ProblemResponses.problem(ProblemType.NOT_FOUND, "nothing with this id or thumbprint"))
			.addResponses("NotWritable",
					ProblemResponses.problem(ProblemType.NOT_WRITABLE,
							"the channel is not writable or disabled; nothing was sent to the device"))
			// every kind of discovery (issue #20) answers these
			.addResponses("DiscoveryFailed",
					ProblemResponses.problem(ProblemType.DISCOVERY_FAILED,
							"the server or broker cannot be reached or refused; the reason is in detail"))
			.addResponses("DiscoveryBusy", ProblemResponses.problem(ProblemType.DISCOVERY_BUSY,
					"as many discoveries as the collector allows are running; Retry-After says when to try again"))
			.addResponses("DeviceTimeout", ProblemResponses.problem(ProblemType.DEVICE_TIMEOUT,
					"the server or broker did not answer within the time limit"));
	}

}
