package io.parx.web.problems;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.netty.http.client.PrematureCloseException;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;

/**
 * What the gateway answers for a failure, as an RFC 9457 problem with a stable
 * {@code type}.
 *
 * @param status the HTTP status
 * @param type the problem type, one of the constants or {@code about:blank}
 * @param title the short, fixed summary of the type
 * @param detail what happened in this case, without internals
 */
record GatewayProblem(HttpStatusCode status, String type, String title, String detail) {

	// The types are common's ProblemType (docs/CONTRACTS.md): the gateway runs on WebFlux
	// and cannot depend on common's servlet-based kit. GatewayProblemTypesTests holds
	// them equal.

	static final String UPSTREAM_UNAVAILABLE = "/problems/upstream-unavailable";

	static final String UPSTREAM_TIMEOUT = "/problems/upstream-timeout";

	static final String UPSTREAM_FAILED = "/problems/upstream-failed";

	static final String NOT_FOUND = "/problems/not-found";

	static final String INTERNAL = "/problems/internal";

	/**
	 * The problem for an error while handling a request.
	 * @param error what went wrong
	 * @param service the service the request was routed to, or {@code null} when the
	 * gateway answered itself
	 */
	static GatewayProblem of(Throwable error, String service) {
		if (service != null) {
			if (causedBy(error, ConnectException.class) || causedBy(error, UnknownHostException.class)) {
				return new GatewayProblem(HttpStatus.SERVICE_UNAVAILABLE, UPSTREAM_UNAVAILABLE, "Service unavailable",
						service + " cannot be reached");
			}
			if (causedBy(error, PrematureCloseException.class)) {
				return new GatewayProblem(HttpStatus.BAD_GATEWAY, UPSTREAM_FAILED, "Bad gateway",
						service + " closed the connection before it answered");
			}
			// The gateway's response timeout (NettyRoutingFilter) is the only 504 it
			// raises.
			if (error instanceof ErrorResponse response && response.getStatusCode().value() == 504) {
				return new GatewayProblem(HttpStatus.GATEWAY_TIMEOUT, UPSTREAM_TIMEOUT, "Gateway timeout",
						service + " did not answer in time");
			}
		}
		if (error instanceof ErrorResponse response && !response.getStatusCode().is5xxServerError()) {
			HttpStatusCode status = response.getStatusCode();
			if (status.value() == 404) {
				return new GatewayProblem(status, NOT_FOUND, "Not found", "Nothing is served at this address");
			}
			String reason = reasonPhrase(status);
			return new GatewayProblem(status, "about:blank", reason, reason);
		}
		return new GatewayProblem(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL, "Internal error",
				"The gateway could not handle the request");
	}

	/** The RFC 9457 members, {@code instance} being the request path. */
	Map<String, Object> body(String instance) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", this.type);
		body.put("title", this.title);
		body.put("status", this.status.value());
		body.put("detail", this.detail);
		body.put("instance", instance);
		return body;
	}

	boolean isInternal() {
		return INTERNAL.equals(this.type);
	}

	private static String reasonPhrase(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : "Error " + status.value();
	}

	private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
