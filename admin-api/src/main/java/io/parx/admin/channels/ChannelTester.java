package io.parx.admin.channels;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.parx.admin.request.ConfigProblems;
import io.parx.common.sample.Quality;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Asks the collector to read a channel once, live ({@code POST /api/v1/collector/test}),
 * forwarding the caller's token. The device's own failure (connection refused, Modbus
 * exception, OPC UA status, no message on the topic) comes back in {@code error} with a
 * bad quality; a collector that cannot be reached is a 503, a collector that answers
 * nonsense a 502.
 */
@Component
class ChannelTester {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private final RestClient client;

	private final CollectorSettings settings;

	ChannelTester(CollectorSettings settings) {
		this.settings = settings;
		HttpClient http = HttpClient.newBuilder().connectTimeout(settings.testTimeout()).build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(settings.testTimeout());
		this.client = RestClient.builder().baseUrl(settings.url().toString()).requestFactory(factory).build();
	}

	Map<String, Object> test(Channel channel, String authorization) {
		long start = System.nanoTime();
		Map<String, Object> answer;
		try {
			answer = this.client.post().uri("/api/v1/collector/test").headers((headers) -> {
				if (authorization != null) {
					headers.set(HttpHeaders.AUTHORIZATION, authorization);
				}
			})
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("channel", channel.toCollectorView(), "timeoutMs", deviceTimeoutMs()))
				.retrieve()
				.body(MAP);
		}
		catch (ResourceAccessException ex) {
			throw ConfigProblems.collector(HttpStatus.SERVICE_UNAVAILABLE, unreachable(ex));
		}
		catch (RestClientResponseException ex) {
			throw ConfigProblems.collector(HttpStatus.BAD_GATEWAY, "the collector at " + this.settings.url()
					+ " answered " + ex.getStatusCode().value() + ": " + abbreviate(ex.getResponseBodyAsString()));
		}
		catch (RestClientException ex) {
			throw ConfigProblems.collector(HttpStatus.BAD_GATEWAY,
					"the collector at " + this.settings.url() + " sent an answer that is not a test result");
		}
		if (answer == null) {
			throw ConfigProblems.collector(HttpStatus.BAD_GATEWAY,
					"the collector at " + this.settings.url() + " sent an empty answer");
		}
		long latencyMs = (System.nanoTime() - start) / 1_000_000;
		return result(answer, latencyMs);
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

	private String unreachable(ResourceAccessException ex) {
		Throwable cause = ex.getCause();
		while (cause != null && cause.getCause() != null && !(cause instanceof ConnectException)
				&& !(cause instanceof HttpTimeoutException)) {
			cause = cause.getCause();
		}
		String where = "the collector at " + this.settings.url();
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
