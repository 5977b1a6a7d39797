package io.parx.common.correlation;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;

import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * The id that ties the log lines of one request together across services (issue #21): the
 * web gateway sets {@value #HEADER} (or passes on the browser's), each service puts it
 * into the logging MDC under {@value #MDC_KEY} for the request's thread, echoes it in its
 * answer and forwards it on its own calls to other services.
 */
public final class CorrelationId {

	/** The HTTP header, in requests and answers. */
	public static final String HEADER = "X-Correlation-Id";

	/**
	 * The MDC key: a field of every structured log line, {@code %X{correlationId}} in
	 * text.
	 */
	public static final String MDC_KEY = "correlationId";

	/**
	 * What a caller may send: short and plain, so a client cannot put line breaks, markup
	 * or kilobytes into every log line. A UUID, a W3C trace id and most load balancers'
	 * request ids fit.
	 */
	private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private CorrelationId() {
	}

	/** The caller's id when it is acceptable, else a new one. */
	public static String acceptOrCreate(String sent) {
		return (sent != null && ACCEPTED.matcher(sent).matches()) ? sent : UUID.randomUUID().toString();
	}

	/** The id of the request the current thread serves, or {@code null}. */
	public static String current() {
		return MDC.get(MDC_KEY);
	}

	/**
	 * For a {@code RestClient} calling another ParX service: sends the current request's
	 * id along, so the callee's log lines carry it too.
	 */
	public static ClientHttpRequestInterceptor forwarding() {
		return (request, body, execution) -> {
			String id = current();
			if (id != null && !request.getHeaders().containsHeader(HEADER)) {
				request.getHeaders().set(HEADER, id);
			}
			return execution.execute(request, body);
		};
	}

}
