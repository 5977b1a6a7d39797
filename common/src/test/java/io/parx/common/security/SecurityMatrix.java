package io.parx.common.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The security matrix every token-verifying service is tested with (docs/SECURITY.md):
 * each endpoint is called over real HTTP by each {@link Caller} (no token, a malformed,
 * an expired, a foreign-key, a tampered and an unsigned token, a token without a ParX
 * role, one with an unknown role only, and each role), and the answer must be what the
 * access rules promise: 401 problem+json with a Bearer challenge for a missing or bad
 * token on a protected endpoint, 403 problem+json for a caller without the right,
 * anything else but a 5xx for a caller with it. The rows every service shares (health,
 * API docs, actuator, an unknown path) are added here, so they are the same table
 * everywhere; {@link #tests()} also fails when the service's OpenAPI document has an
 * operation the matrix does not list.
 *
 * <pre class="code">
 * &#64;TestFactory
 * Stream&lt;DynamicTest&gt; everyCallerGetsExactlyItsRights() {
 *     return SecurityMatrix.on(this.port, TOKENS)
 *         .endpoint(AccessRules.EVERY_ROLE, "GET", "/api/v1/storage/status")
 *         .tests();
 * }
 * </pre>
 */
public final class SecurityMatrix {

	/** The user id of every matrix token: a path can name it as the caller's own. */
	public static final long UID = 424_242;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** Who calls. */
	public enum Caller {

		NO_TOKEN(null), MALFORMED_TOKEN(null), EXPIRED_TOKEN(null), FOREIGN_KEY_TOKEN(null), TAMPERED_TOKEN(null),
		UNSIGNED_TOKEN(null), NO_ROLES(null), UNKNOWN_ROLE_ONLY(null), SCRAPE_TOKEN(null), OPERATOR(Role.OPERATOR),
		ENGINEER(Role.ENGINEER), ADMIN(Role.ADMIN);

		private final Role role;

		Caller(Role role) {
			this.role = role;
		}

		/**
		 * Whether the token is missing or must fail verification (401 where it matters).
		 */
		boolean unauthenticated() {
			return this.role == null && this != NO_ROLES && this != UNKNOWN_ROLE_ONLY;
		}

		String token(TestTokens tokens, Map<Role, User> users) {
			return switch (this) {
				case NO_TOKEN -> null;
				case MALFORMED_TOKEN -> "abc.def.ghi";
				case EXPIRED_TOKEN -> tokens.custom("matrix-expired", "ADMIN")
					.uid(UID)
					.issuedAt(java.time.Instant.now().minus(Duration.ofMinutes(20)))
					.expiresAt(java.time.Instant.now().minus(Duration.ofMinutes(5)))
					.sign();
				case FOREIGN_KEY_TOKEN -> tokens.wrongKeyToken("matrix-foreign", "ADMIN");
				// an operator's token raised to ADMIN after signing, and one without
				// signature
				case TAMPERED_TOKEN -> tokens.tamperedToken("matrix-tampered", "OPERATOR");
				case UNSIGNED_TOKEN -> tokens.unsignedToken("matrix-unsigned", "ADMIN");
				case NO_ROLES -> tokens.token("matrix-no-roles", UID);
				case UNKNOWN_ROLE_ONLY -> tokens.token("matrix-superuser", UID, "SUPERUSER");
				// Prometheus's static token: /actuator/prometheus and nothing else
				case SCRAPE_TOKEN -> ScrapeToken.value();
				default -> {
					User user = users.getOrDefault(this.role,
							new User("matrix-" + name().toLowerCase(Locale.ROOT), UID));
					yield tokens.token(user.username(), user.uid(), this.role.name());
				}
			};
		}

	}

	/** The account a role's token names, where the service looks accounts up. */
	public record User(String username, long uid) {
	}

	/**
	 * One row.
	 *
	 * @param method HTTP method
	 * @param path the path as the OpenAPI document names it ({@code /x/{id}})
	 * @param open whether anyone may call it without a token
	 * @param roles who may call it when not open; empty with {@code open} false: nobody
	 * @param concretePath the path called; {@code {...}} variables become {@code 0}, and
	 * {@code {self}} the caller's own user id
	 * @param tokenInQuery the token goes in {@code access_token} instead of the
	 * Authorization header (the WebSocket handshake)
	 */
	public record Endpoint(String method, String path, boolean open, Set<Role> roles, String concretePath,
			boolean tokenInQuery) {

		String name() {
			return this.method + " " + this.path;
		}

		/** The status class a caller must get: 401, 403 or 0 for "allowed". */
		int expected(Caller caller) {
			if (caller == Caller.SCRAPE_TOKEN && !this.open && MetricsScrapeToken.PATH.equals(this.path)) {
				return 0;
			}
			if (this.open) {
				// a token that is sent is checked even where none is needed
				return (caller.unauthenticated() && caller != Caller.NO_TOKEN && !this.tokenInQuery) ? 401 : 0;
			}
			if (caller.unauthenticated()) {
				return 401;
			}
			return (caller.role != null && this.roles.contains(caller.role)) ? 0 : 403;
		}

	}

	private final URI base;

	private final TestTokens tokens;

	private final List<Endpoint> endpoints = new ArrayList<>();

	private final Map<Role, User> users = new EnumMap<>(Role.class);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private SecurityMatrix(URI base, TestTokens tokens) {
		this.base = base;
		this.tokens = tokens;
		// the rows every service shares
		open("GET", "/actuator/health");
		open("GET", "/actuator/health/liveness");
		open("GET", "/actuator/health/readiness");
		open("GET", "/v3/api-docs");
		open("GET", "/swagger-ui.html");
		endpoint(AccessRules.ADMINS, "GET", "/actuator");
		endpoint(AccessRules.ADMINS, "GET", "/actuator/info");
		endpoint(AccessRules.ADMINS, "GET", "/actuator/metrics");
		endpoint(AccessRules.ADMINS, "GET", "/actuator/prometheus");
		nobody("GET", "/no/such/endpoint");
		nobody("POST", "/no/such/endpoint");
	}

	/** The matrix of the service on {@code 127.0.0.1:port}, with these tokens. */
	public static SecurityMatrix on(int port, TestTokens tokens) {
		return new SecurityMatrix(URI.create("http://127.0.0.1:" + port), tokens);
	}

	/**
	 * Tokens of this role name this existing account (by default a made-up one with
	 * {@link #UID}).
	 */
	public SecurityMatrix user(Role role, String username, long uid) {
		this.users.put(role, new User(username, uid));
		return this;
	}

	/** An endpoint anyone may call. */
	public SecurityMatrix open(String method, String path) {
		return add(new Endpoint(method, path, true, Set.of(), concrete(path), false));
	}

	/** An endpoint for these roles. */
	public SecurityMatrix endpoint(Set<Role> roles, String method, String path) {
		return add(new Endpoint(method, path, false, roles, concrete(path), false));
	}

	/** An endpoint for these roles, called at {@code concretePath}. */
	public SecurityMatrix endpoint(Set<Role> roles, String method, String path, String concretePath) {
		return add(new Endpoint(method, path, false, roles, concretePath, false));
	}

	/** An endpoint for these roles whose token goes in the {@code access_token} query. */
	public SecurityMatrix endpointWithQueryToken(Set<Role> roles, String method, String path) {
		return add(new Endpoint(method, path, false, roles, concrete(path), true));
	}

	/** A path nobody may call. */
	public SecurityMatrix nobody(String method, String path) {
		return add(new Endpoint(method, path, false, Set.of(), concrete(path), false));
	}

	private SecurityMatrix add(Endpoint endpoint) {
		this.endpoints.add(endpoint);
		return this;
	}

	/**
	 * One test per endpoint, each calling it as every caller, plus one that every
	 * operation of {@code /v3/api-docs} is a row.
	 */
	public Stream<DynamicTest> tests() {
		Stream<DynamicTest> rows = this.endpoints.stream()
			.map((endpoint) -> DynamicTest.dynamicTest(endpoint.name() + " " + describe(endpoint),
					() -> verify(endpoint)));
		return Stream.concat(rows, Stream.of(DynamicTest
			.dynamicTest("every operation of the OpenAPI document is in the matrix", this::verifyCoverage)));
	}

	private static String describe(Endpoint endpoint) {
		if (endpoint.open()) {
			return "is open";
		}
		return endpoint.roles().isEmpty() ? "is denied to everyone" : "is for " + EnumSet.copyOf(endpoint.roles());
	}

	private void verify(Endpoint endpoint) throws Exception {
		List<String> wrong = new ArrayList<>();
		for (Caller caller : Caller.values()) {
			long self = (caller.role != null && this.users.containsKey(caller.role)) ? this.users.get(caller.role).uid()
					: UID;
			HttpResponse<String> response = call(endpoint,
					endpoint.concretePath().replace("{self}", Long.toString(self)),
					caller.token(this.tokens, this.users));
			String problem = check(endpoint.expected(caller), response);
			if (problem != null) {
				wrong.add(caller + ": " + problem);
			}
		}
		assertThat(wrong).as(endpoint.name()).isEmpty();
	}

	/** Null when the answer is as expected, else what is wrong with it. */
	private static String check(int expected, HttpResponse<String> response) {
		int status = response.statusCode();
		String contentType = response.headers().firstValue("Content-Type").orElse("");
		if (expected == 0) {
			return (status == 401 || status == 403 || status >= 500) ? "got " + status + " " + abbreviate(response)
					: null;
		}
		if (status != expected) {
			return "expected " + expected + ", got " + status + " " + abbreviate(response);
		}
		if (!contentType.startsWith("application/problem+json")) {
			return status + " with Content-Type '" + contentType + "' instead of application/problem+json";
		}
		String type = JSON.readTree(response.body()).path("type").asString("");
		String wanted = (expected == 401) ? SecurityProblems.UNAUTHORIZED_TYPE : SecurityProblems.FORBIDDEN_TYPE;
		if (!type.equals(wanted)) {
			return status + " of type '" + type + "' instead of " + wanted;
		}
		if (expected == 401 && !response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) {
			return "401 without a Bearer challenge (RFC 6750 §3)";
		}
		return null;
	}

	private static String abbreviate(HttpResponse<String> response) {
		String body = response.body();
		return (body.length() > 200) ? body.substring(0, 200) + "..." : body;
	}

	private HttpResponse<String> call(Endpoint endpoint, String concretePath, String token)
			throws IOException, InterruptedException {
		String path = concretePath;
		if (token != null && endpoint.tokenInQuery()) {
			path += (path.contains("?") ? "&" : "?") + "access_token="
					+ URLEncoder.encode(token, StandardCharsets.UTF_8);
		}
		boolean body = Set.of("POST", "PUT", "PATCH").contains(endpoint.method());
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(TIMEOUT)
			.method(endpoint.method(),
					body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
		if (body) {
			request.header("Content-Type", "application/json");
		}
		if (token != null && !endpoint.tokenInQuery()) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void verifyCoverage() throws Exception {
		HttpResponse<String> docs = this.http.send(HttpRequest.newBuilder(this.base.resolve("/v3/api-docs")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(docs.statusCode()).as("GET /v3/api-docs").isEqualTo(200);
		List<String> missing = new ArrayList<>();
		JsonNode paths = JSON.readTree(docs.body()).path("paths");
		paths.properties().forEach((path) -> path.getValue().propertyNames().forEach((method) -> {
			String name = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
			if (this.endpoints.stream().noneMatch((endpoint) -> endpoint.name().equals(name))) {
				missing.add(name);
			}
		}));
		if (!missing.isEmpty()) {
			fail("The security matrix lists no row for " + missing);
		}
	}

	private static String concrete(String path) {
		return path.replaceAll("\\{(?!self})[^}]+}", "0");
	}

	/** The callers in the order the matrix calls them, for documentation. */
	public static List<Caller> callers() {
		return Arrays.asList(Caller.values());
	}

}
