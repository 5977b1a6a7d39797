package io.parx.admin.channels;

import java.util.ArrayList;
import java.util.List;

import io.parx.admin.system.Problems;
import io.parx.admin.system.Problems.FieldError;

/**
 * Collects every bad field of one request so that the answer names all of them at once,
 * not only the first (RFC 9457 problem with an {@code errors} member).
 */
public final class Violations {

	private final List<FieldError> errors = new ArrayList<>();

	public void add(String field, String message) {
		this.errors.add(new FieldError(field, message));
	}

	public int size() {
		return this.errors.size();
	}

	public boolean isEmpty() {
		return this.errors.isEmpty();
	}

	public List<FieldError> errors() {
		return List.copyOf(this.errors);
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
		if (!this.errors.isEmpty()) {
			throw Problems.validation(errors());
		}
	}

}
