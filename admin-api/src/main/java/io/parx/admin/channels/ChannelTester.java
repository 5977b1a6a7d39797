package io.parx.admin.channels;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import io.parx.admin.request.ConfigProblems;
import io.parx.common.correlation.CorrelationId;
import io.parx.common.problem.ProblemException;
import io.parx.common.problem.ProblemType;
import io.parx.common.problem.Problems;
import io.parx.common.sample.Quality;

/**
 * Asks the collector to read a channel once, live ({@code POST /api/v1/collector/test}),
 * forwarding the caller's token. The device's own failure (connection refused, Modbus
 * exception, OPC UA status, no message on the topic) comes back in {@code error} with a
 * bad quality; a collector that cannot be reached is a 503, a collector that answers
 * nonsense a 502.
 */
@Component
class ChannelTester {

	private static final Logger log = LoggerFactory.getLogger(ChannelTester.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private final RestClient client;

	private final CollectorSettings settings;

	private final Function<Channel, URI> routes;

	@Autowired
	ChannelTester(CollectorSettings settings, CollectorRoutes routes) {
		this(settings, routes::baseUrl);
	}

	/** A tester of one collector at {@code settings.url()}. */
	ChannelTester(CollectorSettings settings) {
		this(settings, (channel) -> settings.url());
	}

	private ChannelTester(CollectorSettings settings, Function<Channel, URI> routes) {
		this.settings = settings;
		this.routes = routes;
		HttpClient http = HttpClient.newBuilder().connectTimeout(settings.testTimeout()).build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(settings.testTimeout());
		this.client = RestClient.builder()
			.requestFactory(factory)
			// the collector logs the call with the id of the request that caused it
			.requestInterceptor(CorrelationId.forwarding())
			.build();
	}

	Map<String, Object> test(Channel channel, String authorization) {
		long start = System.nanoTime();
		Map<String, Object> answer = post(channel, "/api/v1/collector/test",
				Map.of("channel", channel.toCollectorView(), "timeoutMs", deviceTimeoutMs()), authorization, false);
		long latencyMs = (System.nanoTime() - start) / 1_000_000;
		return result(answer, latencyMs);
	}

	/**
	 * Posts to the collector instance that runs the channel ({@link CollectorRoutes})
	 * with the caller's token, with this class's timeout and answers: 503 when it cannot
	 * be reached or does not answer in time or no instance of its group runs it, 502 when
	 * it fails or answers nonsense.
	 * @param passClientErrors whether a 4xx problem of the collector (e.g. the write's
	 * 400 naming {@code value}, 403, 409) is passed on as it is instead of as a 502
	 */
	Map<String, Object> post(Channel channel, String path, Map<String, Object> body, String authorization,
			boolean passClientErrors) {
		URI base = this.routes.apply(channel);
		String where = "the collector at " + base;
		Map<String, Object> answer;
		try {
			answer = this.client.post()
				.uri(URI.create(base.toString().replaceAll("/+$", "") + path))
				.headers((headers) -> {
					if (authorization != null) {
						headers.set(HttpHeaders.AUTHORIZATION, authorization);
					}
				})
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.retrieve()
				.body(MAP);
		}
		catch (ResourceAccessException ex) {
			throw unavailable(HttpStatus.SERVICE_UNAVAILABLE, unreachable(where, ex));
		}
		catch (RestClientResponseException ex) {
			if (passClientErrors && ex.getStatusCode().is4xxClientError()) {
				ErrorResponseException problem = collectorProblem(ex);
				if (problem != null) {
					throw problem;
				}
			}
			throw unavailable(HttpStatus.BAD_GATEWAY, where + " answered " + ex.getStatusCode().value() + ": "
					+ abbreviate(ex.getResponseBodyAsString()));
		}
		catch (RestClientException ex) {
			throw unavailable(HttpStatus.BAD_GATEWAY, where + " sent an answer that is not a test result");
		}
		if (answer == null) {
			throw unavailable(HttpStatus.BAD_GATEWAY, where + " sent an empty answer");
		}
		return answer;
	}

	/**
	 * The problem for a collector that cannot help, logged: the caller sees a 502/503, an
	 * operator needs to see that the collector is unreachable or failing.
	 */
	private ErrorResponseException unavailable(HttpStatus status, String detail) {
		log.warn("Collector call failed ({}): {}", status.value(), detail);
		return ConfigProblems.collector(status, detail);
	}

	/**
	 * The collector's problem as this service's own answer (its type, status, detail and
	 * field errors), or {@code null} when the body is not a problem of the catalogue.
	 */
	private static ErrorResponseException collectorProblem(RestClientResponseException ex) {
		try {
			JsonNode body = JSON.readTree(ex.getResponseBodyAsString());
			ProblemType type = ProblemType.of(body.path("type").asString(""));
			ProblemDetail problem = Problems.detail(ex.getStatusCode(), type,
					abbreviate(body.path("detail").asString("")));
			if (body.path("errors").isArray()) {
				problem.setProperty("errors", JSON.convertValue(body.path("errors"), List.class));
			}
			return new ProblemException(ex.getStatusCode(), problem, null);
		}
		catch (RuntimeException notAProblem) {
			return null;
		}
	}

	/**
	 * The time the collector may spend on the device: a second less than this call's own
	 * timeout, so that a slow device comes back as its own reason rather than as an
	 * unreachable collector.
	 */
	long deviceTimeoutMs() {
		return Math.clamp(this.settings.testTimeout().toMillis() - 1000, 1000, 60_000);
	}

	static Map<String, Object> result(Map<String, Object> answer, long roundTripMs) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("value", answer.get("value"));
		int quality = (answer.get("quality") instanceof Number n) ? n.intValue()
				: (answer.get("error") != null) ? Quality.BAD : Quality.GOOD;
		result.put("quality", Integer.toUnsignedLong(quality));
		result.put("qualityName", (answer.get("qualityName") instanceof String s) ? s : Quality.name(quality));
		result.put("latencyMs", (answer.get("latencyMs") instanceof Number n) ? n.longValue() : roundTripMs);
		result.put("error", answer.get("error"));
		return result;
	}

	private String unreachable(String where, ResourceAccessException ex) {
		Throwable cause = ex.getCause();
		while (cause != null && cause.getCause() != null && !(cause instanceof ConnectException)
				&& !(cause instanceof HttpTimeoutException)) {
			cause = cause.getCause();
		}
		if (cause instanceof HttpTimeoutException) {
			return where + " did not answer within " + this.settings.testTimeout().toMillis() + " ms";
		}
		if (cause instanceof ConnectException || cause instanceof IOException) {
			return where + " cannot be reached (" + cause.getClass().getSimpleName()
					+ ((cause.getMessage() != null) ? ": " + cause.getMessage() : "") + ")";
		}
		return where + " cannot be reached: " + ex.getMessage();
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

}
