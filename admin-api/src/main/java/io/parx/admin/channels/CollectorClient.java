package io.parx.admin.channels;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

/**
 * Calls the collector on behalf of a caller (the channel test, writes, discovery),
 * forwarding the caller's token and the correlation id, within the channel test's timeout
 * (or the longer discovery timeout for a discovery that listens), with one way of
 * answering a collector that cannot help: 503 {@code /problems/collector-unavailable}
 * when it cannot be reached or does not answer in time, 502 when it fails or answers
 * nonsense, each logged as a WARN. Which of the collector's own problems reach the caller
 * as they are is the caller's choice ({@link Relay}).
 */
@Component
public class CollectorClient {

	private static final Logger log = LoggerFactory.getLogger(CollectorClient.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	/** Problems that describe the device or server the collector talked to. */
	private static final Set<ProblemType> DEVICE_PROBLEMS = Set.of(ProblemType.DISCOVERY_FAILED,
			ProblemType.DISCOVERY_BUSY, ProblemType.DEVICE_TIMEOUT);

	private final RestClient client;

	/** For discoveries that listen or read for up to {@code discoveryTimeout}. */
	private final RestClient waitingClient;

	private final CollectorSettings settings;

	public CollectorClient(CollectorSettings settings) {
		this.settings = settings;
		this.client = client(settings.testTimeout());
		this.waitingClient = client(settings.discoveryTimeout());
	}

	private static RestClient client(Duration timeout) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(timeout);
		return RestClient.builder()
			.requestFactory(factory)
			// the collector logs the call with the id of the request that caused it
			.requestInterceptor(CorrelationId.forwarding())
			.build();
	}

	/** Which problems of the collector are passed on as they are instead of as a 502. */
	public enum Relay {

		/** None: the caller answers every failure as the collector's. */
		NONE,

		/** 4xx problems (e.g. the write's 400 naming {@code value}, 403, 409). */
		CLIENT_ERRORS,

		/**
		 * 4xx problems and those that describe the device or server (discovery failed or
		 * busy, device timeout): the collector did its job, the plant did not answer.
		 */
		DEVICE_PROBLEMS

	}

	/**
	 * Posts to the collector with the caller's token.
	 * @param authorization the caller's {@code Authorization} header, or {@code null}
	 * @return the collector's JSON object
	 */
	public Map<String, Object> post(String path, Map<String, Object> body, String authorization, Relay relay) {
		return post(this.settings.url(), path, body, authorization, relay);
	}

	/**
	 * Posts to one collector instance ({@link CollectorRoutes}) with the caller's token.
	 * @param base the instance's base URL
	 * @param authorization the caller's {@code Authorization} header, or {@code null}
	 * @return the collector's JSON object
	 */
	public Map<String, Object> post(URI base, String path, Map<String, Object> body, String authorization,
			Relay relay) {
		return send(this.client, this.settings.testTimeout(), base, path, body, authorization, relay);
	}

	/**
	 * Posts a discovery that takes as long as it asks (listening on a broker, reading a
	 * register range) to the collector, waiting up to
	 * {@code parx.collector.discovery-timeout}, and passes the device's problems on.
	 */
	public Map<String, Object> postWaiting(String path, Map<String, Object> body, String authorization) {
		return send(this.waitingClient, this.settings.discoveryTimeout(), this.settings.url(), path, body,
				authorization, Relay.DEVICE_PROBLEMS);
	}

	private Map<String, Object> send(RestClient client, Duration wait, URI base, String path, Map<String, Object> body,
			String authorization, Relay relay) {
		String where = "the collector at " + base;
		Map<String, Object> answer;
		try {
			answer = client.post().uri(URI.create(base.toString().replaceAll("/+$", "") + path)).headers((headers) -> {
				if (authorization != null) {
					headers.set(HttpHeaders.AUTHORIZATION, authorization);
				}
			}).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(MAP);
		}
		catch (ResourceAccessException ex) {
			throw unavailable(HttpStatus.SERVICE_UNAVAILABLE, unreachable(where, wait, ex));
		}
		catch (RestClientResponseException ex) {
			ErrorResponseException problem = (relay != Relay.NONE) ? collectorProblem(ex, relay) : null;
			if (problem != null) {
				throw problem;
			}
			throw unavailable(HttpStatus.BAD_GATEWAY, where + " answered " + ex.getStatusCode().value() + ": "
					+ abbreviate(ex.getResponseBodyAsString()));
		}
		catch (RestClientException ex) {
			throw unavailable(HttpStatus.BAD_GATEWAY, where + " sent an answer that is not a result");
		}
		if (answer == null) {
			throw unavailable(HttpStatus.BAD_GATEWAY, where + " sent an empty answer");
		}
		return answer;
	}

	/**
	 * The time the collector may spend on the device: a second less than this call's own
	 * timeout, so that a slow device comes back as its own reason rather than as an
	 * unreachable collector.
	 */
	public long deviceTimeoutMs() {
		return Math.clamp(this.settings.testTimeout().toMillis() - 1000, 1000, 60_000);
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
	 * The collector's problem as this service's own answer (its type, status, detail,
	 * field errors and Retry-After), or {@code null} when the body is not a problem of
	 * the catalogue or not one to relay.
	 */
	private static ErrorResponseException collectorProblem(RestClientResponseException ex, Relay relay) {
		try {
			JsonNode body = JSON.readTree(ex.getResponseBodyAsString());
			ProblemType type = ProblemType.of(body.path("type").asString(""));
			boolean relayed = ex.getStatusCode().is4xxClientError()
					|| (relay == Relay.DEVICE_PROBLEMS && DEVICE_PROBLEMS.contains(type));
			if (!relayed) {
				return null;
			}
			ProblemDetail problem = Problems.detail(ex.getStatusCode(), type,
					abbreviate(body.path("detail").asString("")));
			if (body.path("errors").isArray()) {
				problem.setProperty("errors", JSON.convertValue(body.path("errors"), List.class));
			}
			ProblemException relayedProblem = new ProblemException(ex.getStatusCode(), problem, null);
			String retryAfter = (ex.getResponseHeaders() != null)
					? ex.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER) : null;
			if (retryAfter != null && retryAfter.matches("[0-9]{1,4}")) {
				relayedProblem.getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
			}
			return relayedProblem;
		}
		catch (RuntimeException notAProblem) {
			return null;
		}
	}

	private static String unreachable(String where, Duration wait, ResourceAccessException ex) {
		Throwable cause = ex.getCause();
		while (cause != null && cause.getCause() != null && !(cause instanceof ConnectException)
				&& !(cause instanceof HttpTimeoutException)) {
			cause = cause.getCause();
		}
		if (cause instanceof HttpTimeoutException) {
			return where + " did not answer within " + wait.toMillis() + " ms";
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
