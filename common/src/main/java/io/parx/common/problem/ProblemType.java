package io.parx.common.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * Every RFC 9457 problem type a ParX service answers, with its one title and usual
 * status: the {@code type} URIs are a contract with every client (docs/CONTRACTS.md,
 * "Problem types"), so they are written here and nowhere else.
 */
public enum ProblemType {

	/** Input fields refused, named in {@code errors: [{field, message}]}. */
	VALIDATION("/problems/validation", "Invalid input", HttpStatus.BAD_REQUEST),

	/** A request body that is missing or not JSON of the expected shape. */
	MALFORMED_BODY("/problems/malformed-body", "Malformed request body", HttpStatus.BAD_REQUEST),

	/**
	 * The collector's name for {@link #MALFORMED_BODY}, kept because its clients match on
	 * it.
	 */
	MALFORMED_REQUEST("/problems/malformed-request", "Malformed request body", HttpStatus.BAD_REQUEST),

	/** A formula that does not parse; {@code position} says where. */
	FORMULA_SYNTAX("/problems/formula-syntax", "Formula syntax error", HttpStatus.BAD_REQUEST),

	/** A request the storage engine's API refuses. */
	BAD_REQUEST("/problems/bad-request", "Bad request", HttpStatus.BAD_REQUEST),

	UNAUTHORIZED("/problems/unauthorized", "Unauthorized", HttpStatus.UNAUTHORIZED),

	FORBIDDEN("/problems/forbidden", "Forbidden", HttpStatus.FORBIDDEN),

	NOT_FOUND("/problems/not-found", "Not found", HttpStatus.NOT_FOUND),

	/** The change conflicts with stored data, e.g. a name already used. */
	CONFLICT("/problems/conflict", "Conflict", HttpStatus.CONFLICT),

	/** The version sent is stale; {@code currentVersion} is the stored one. */
	VERSION_CONFLICT("/problems/version-conflict", "Version conflict", HttpStatus.CONFLICT),

	/** A body over the size limit, or a query over a range, point or row limit. */
	TOO_LARGE("/problems/too-large", "Request too large", HttpStatus.CONTENT_TOO_LARGE),

	/** A change sent without the version it was made to. */
	PRECONDITION_REQUIRED("/problems/precondition-required", "Version required", HttpStatus.PRECONDITION_REQUIRED),

	/** Too many failed sign-ins; {@code retryAfterSeconds} says when to try again. */
	TOO_MANY_REQUESTS("/problems/too-many-requests", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),

	/** The change was not made because its audit entry could not be written. */
	AUDIT_UNAVAILABLE("/problems/audit-unavailable", "Audit unavailable", HttpStatus.SERVICE_UNAVAILABLE),

	/** The admin-api could not reach the collector (or it did not answer in time). */
	COLLECTOR_UNAVAILABLE("/problems/collector-unavailable", "Collector unavailable", HttpStatus.SERVICE_UNAVAILABLE),

	/**
	 * A write to a channel that is not writable (its settings do not say
	 * {@code writable: true}) or not enabled; nothing was sent to the device.
	 */
	NOT_WRITABLE("/problems/not-writable", "Channel not writable", HttpStatus.CONFLICT),

	/**
	 * The device refused a write or could not be reached; the reason is in the detail.
	 */
	DEVICE_WRITE_FAILED("/problems/device-write-failed", "Device write failed", HttpStatus.BAD_GATEWAY),

	/**
	 * The device did not answer a write in time; whether it took the value is unknown.
	 */
	DEVICE_TIMEOUT("/problems/device-timeout", "Device did not answer", HttpStatus.GATEWAY_TIMEOUT),

	/**
	 * Discovery (issue #20: browsing a server, listening on a broker) reached no answer
	 * it could use: the server cannot be reached, refused the session or the request; the
	 * reason is in the detail.
	 */
	DISCOVERY_FAILED("/problems/discovery-failed", "Discovery failed", HttpStatus.BAD_GATEWAY),

	/**
	 * The collector already runs as many discoveries as it allows; {@code Retry-After}
	 * says when to try again.
	 */
	DISCOVERY_BUSY("/problems/discovery-busy", "Discovery busy", HttpStatus.SERVICE_UNAVAILABLE),

	/** The web gateway could not reach the service a request is routed to. */
	UPSTREAM_UNAVAILABLE("/problems/upstream-unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE),

	/** The service a request is routed to did not answer in time. */
	UPSTREAM_TIMEOUT("/problems/upstream-timeout", "Gateway timeout", HttpStatus.GATEWAY_TIMEOUT),

	/** The service a request is routed to closed the connection before it answered. */
	UPSTREAM_FAILED("/problems/upstream-failed", "Bad gateway", HttpStatus.BAD_GATEWAY),

	/** Anything unexpected: logged, never described to the client. */
	INTERNAL("/problems/internal", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR);

	private final String path;

	private final URI uri;

	private final String title;

	private final HttpStatus status;

	ProblemType(String path, String title, HttpStatus status) {
		this.path = path;
		this.uri = URI.create(path);
		this.title = title;
		this.status = status;
	}

	/** The {@code type} member, e.g. {@code /problems/validation}. */
	public String path() {
		return this.path;
	}

	/** The {@code type} member as a URI reference. */
	public URI uri() {
		return this.uri;
	}

	/** The {@code title} member: the same for every occurrence of the type. */
	public String title() {
		return this.title;
	}

	/** The status this type is answered with. */
	public HttpStatus status() {
		return this.status;
	}

	/** The type whose {@code type} member is {@code path}, for tests and clients. */
	public static ProblemType of(String path) {
		for (ProblemType type : values()) {
			if (type.path.equals(path)) {
				return type;
			}
		}
		throw new IllegalArgumentException("not a ParX problem type: " + path);
	}

}
