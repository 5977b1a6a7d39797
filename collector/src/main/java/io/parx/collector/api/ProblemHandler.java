package io.parx.collector.api;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import io.parx.common.config.InvalidSettingsException;
import io.parx.common.problem.ProblemType;
import io.parx.common.problem.Problems;
import io.parx.common.problem.Problems.FieldError;
import io.parx.common.web.StandardProblemHandler;
import io.parx.common.web.TextRules;

/**
 * RFC 9457 problem details for every error of the collector's API: the common cases as
 * every service ({@link StandardProblemHandler}), plus a channel the collector cannot
 * run.
 */
@RestControllerAdvice
class ProblemHandler extends StandardProblemHandler {

	@Override
	protected ProblemType malformedBodyType() {
		// the collector's clients (the admin-api's channel test) match on this name
		return ProblemType.MALFORMED_REQUEST;
	}

	/** Settings that break the channel contract: named as fields of the channel sent. */
	@Override
	protected List<FieldError> settingsErrors(InvalidSettingsException ex) {
		return ex.problems()
			.stream()
			.limit(50)
			.map((p) -> new FieldError("channel.settings." + TextRules.prefix(p.field()),
					TextRules.prefix(p.message())))
			.toList();
	}

	@ExceptionHandler(InvalidChannelException.class)
	ResponseEntity<Object> invalidChannel(InvalidChannelException ex, WebRequest request) {
		// the parsers quote what they refuse; an error body never grows with the input
		String message = String.valueOf(ex.getMessage());
		message = (message.length() > 300) ? message.substring(0, 300) + "…" : message;
		return render(Problems.validation("channel", message).problem(), request);
	}

}
