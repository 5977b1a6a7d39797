package io.parx.router.session;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The router's OpenAPI document at {@code /v3/api-docs}. The router has no REST
 * controllers: the document describes the WebSocket handshake {@code /ws} (the protocol
 * after the upgrade is in docs/API.md, "Live data WebSocket") and the reference client
 * {@code /parx-live.js}.
 */
@Configuration(proxyBeanMethods = false)
class LiveApiDocumentation {

	private static final String TOKEN_QUERY = "access_token";

	@Bean
	OpenAPI parxRouterOpenApi() {
		Operation handshake = new Operation().operationId("openLiveWebSocket")
			.addTagsItem("Live data")
			.summary("Open the live data WebSocket (every role); the token comes as access_token or as the "
					+ "subprotocol bearer.<token>")
			.description("A WebSocket handshake (RFC 6455 §4): send Upgrade: websocket. After the 101 answer the "
					+ "client sends subscribe, unsubscribe, subscribe-alarms, unsubscribe-alarms, ping and auth "
					+ "messages and receives welcome, subscribed, snapshot, update, status, alarms, alarm, "
					+ "alarms-unsubscribed and error messages, as docs/API.md (\"Live data WebSocket\") "
					+ "describes. Messages up to 256 KB (10,000 channel ids in one subscribe).")
			.addParametersItem(new QueryParameter().name(TOKEN_QUERY)
				.description("The access token (may end up in proxy logs; prefer the subprotocol)")
				.schema(new StringSchema()))
			.addParametersItem(new HeaderParameter().name("Sec-WebSocket-Protocol")
				.description("parx.v1, bearer.<access token>")
				.schema(new StringSchema()))
			.responses(new ApiResponses()
				.addApiResponse("101", new ApiResponse().description("Switching to the WebSocket protocol"))
				.addApiResponse("400", new ApiResponse().description("Not a WebSocket handshake"))
				.addApiResponse("401", problem("/problems/unauthorized: no, an invalid or an expired access token"))
				.addApiResponse("403", problem("/problems/forbidden: the token carries no ParX role")));
		Operation client = new Operation().operationId("getLiveClient")
			.addTagsItem("Live data")
			.summary("The reference client of the WebSocket protocol, a script without dependencies (public)")
			.security(List.of())
			.responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("ParxLive")
				.content(new Content().addMediaType("text/javascript", new MediaType().schema(new StringSchema())))));
		return new OpenAPI()
			.info(new Info().title("ParX data-router")
				.version("v1")
				.description("Live values over WebSocket. Errors are application/problem+json (RFC 9457). "
						+ "See docs/API.md and docs/SECURITY.md.")
				.license(new License().name("Apache-2.0")))
			// relative, so that Swagger UI calls the host it was loaded from
			.servers(List.of(new Server().url("/")))
			.components(new Components().addSecuritySchemes(TOKEN_QUERY,
					new SecurityScheme().type(SecurityScheme.Type.APIKEY)
						.in(SecurityScheme.In.QUERY)
						.name(TOKEN_QUERY)
						.description("The access token from POST /api/v1/auth/login of the admin-api")))
			.addSecurityItem(new SecurityRequirement().addList(TOKEN_QUERY))
			.paths(new Paths().addPathItem("/ws", new PathItem().get(handshake))
				.addPathItem("/parx-live.js", new PathItem().get(client)));
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					new MediaType().schema(new ObjectSchema())));
	}

}
