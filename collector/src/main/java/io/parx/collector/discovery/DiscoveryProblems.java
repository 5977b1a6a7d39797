package io.parx.collector.discovery;

import java.time.Duration;

import io.parx.common.problem.ProblemException;
import io.parx.common.problem.ProblemType;
import io.parx.common.problem.Problems;

import org.springframework.http.HttpHeaders;

/**
 * The answers of every kind of discovery when it cannot list anything: bad input names
 * its field (400), a server that cannot be reached or refuses is a 502, one that does not
 * answer in time a 504, a full discovery queue a 503 with {@code Retry-After}
 * (docs/API.md, "Discovery").
 */
public final class DiscoveryProblems {

	private static final int MAX_DETAIL = 300;

	private DiscoveryProblems() {
	}

	/** 400 naming a request field, e.g. {@code nodeId}. */
	public static ProblemException invalid(String field, String message) {
		return Problems.validation(field, cut(message));
	}

	/** 502 {@code /problems/discovery-failed}: the reason, e.g. the server's status. */
	public static ProblemException failed(String detail) {
		return Problems.of(ProblemType.DISCOVERY_FAILED, cut(detail));
	}

	/** 504 {@code /problems/device-timeout}: {@code target} did not answer in time. */
	public static ProblemException timeout(String target, Duration limit) {
		return Problems.of(ProblemType.DEVICE_TIMEOUT,
				cut("no answer from " + target + " within " + limit.toMillis() + " ms"));
	}

	/** 504 {@code /problems/device-timeout}, saying what did not answer in time. */
	public static ProblemException timedOut(String detail) {
		return Problems.of(ProblemType.DEVICE_TIMEOUT, cut(detail));
	}

	/** 503 {@code /problems/discovery-busy} with {@code Retry-After}. */
	public static ProblemException busy(int running) {
		return busy(
				"the collector is running " + running + " discoveries and has no room for another; try again shortly");
	}

	/** 503 {@code /problems/discovery-busy} with {@code Retry-After}, saying why. */
	public static ProblemException busy(String detail) {
		ProblemException busy = Problems.of(ProblemType.DISCOVERY_BUSY, detail);
		busy.getHeaders().set(HttpHeaders.RETRY_AFTER, "2");
		return busy;
	}

	/** A message cut short: servers' texts and echoed input never grow an answer. */
	static String cut(String text) {
		String message = String.valueOf(text);
		return (message.length() > MAX_DETAIL) ? message.substring(0, MAX_DETAIL) + "…" : message;
	}

}
