package io.parx.common.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A settings document that breaks its contract, with every bad field named. An
 * {@link IllegalArgumentException}, so readers that report a misconfigured channel by
 * catching that keep doing so; the admin-api answers it as a 400 problem naming the
 * fields.
 */
public class InvalidSettingsException extends IllegalArgumentException {

	private final List<FieldProblem> problems;

	public InvalidSettingsException(List<FieldProblem> problems) {
		super(problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("an invalid settings document has at least one problem");
		}
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
