package io.parx.admin.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parx.common.problem.Problems;
import io.parx.common.problem.Problems.FieldError;
import io.parx.common.config.FieldProblem;
import io.parx.common.config.SettingsReader;

/**
 * Collects every bad field of one request so that the answer names all of them at once,
 * not only the first (RFC 9457 problem with an {@code errors} member). The request's
 * parts are read by {@link SettingsReader}s that add to this list.
 */
public final class Violations {

	private final List<FieldProblem> problems = new ArrayList<>();

	/** A reader of one object of the request whose problems land here. */
	public SettingsReader reader(Map<String, ?> values, String prefix) {
		return new SettingsReader(values, prefix, this.problems);
	}

	public void add(String field, String message) {
		this.problems.add(new FieldProblem(field, message));
	}

	public int size() {
		return this.problems.size();
	}

	public boolean isEmpty() {
		return this.problems.isEmpty();
	}

	public List<FieldError> errors() {
		return this.problems.stream().map((p) -> new FieldError(p.field(), p.message())).toList();
	}

	/**
	 * Runs a value object's constructor and records its complaint under the given field.
	 * @return the value, or {@code null} when it was rejected
	 */
	public <T> T guard(String field, java.util.function.Supplier<T> construction) {
		try {
			return construction.get();
		}
		catch (IllegalArgumentException ex) {
			add(field, ex.getMessage());
			return null;
		}
	}

	/**
	 * @throws org.springframework.web.ErrorResponseException a 400 problem naming every
	 * bad field, if any was recorded
	 */
	public void throwIfAny() {
		if (!this.problems.isEmpty()) {
			throw Problems.validation(errors());
		}
	}

}
