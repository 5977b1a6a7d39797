package io.parx.web.problems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway is a WebFlux application and does not depend on {@code common}, whose web
 * kit is built on the servlet stack, so it names its problem types itself. They are
 * written once for every client in {@code common}'s {@code ProblemType}
 * (docs/CONTRACTS.md, "Problem types"); this test reads that source, so the two cannot
 * drift apart.
 */
class GatewayProblemTypesTests {

	private static final Path PROBLEM_TYPE = Path.of("../common/src/main/java/io/parx/common/problem/ProblemType.java");

	@Test
	void everyTypeTheGatewayAnswersIsTheOneDeclaredInCommon() throws IOException {
		String declared = Files.readString(PROBLEM_TYPE).replaceAll("\\s+", " ");
		Map<String, String> gateway = Map.of("UPSTREAM_UNAVAILABLE", GatewayProblem.UPSTREAM_UNAVAILABLE,
				"UPSTREAM_TIMEOUT", GatewayProblem.UPSTREAM_TIMEOUT, "UPSTREAM_FAILED", GatewayProblem.UPSTREAM_FAILED,
				"NOT_FOUND", GatewayProblem.NOT_FOUND, "INTERNAL", GatewayProblem.INTERNAL);
		gateway.forEach((name, type) -> assertThat(declared).as(name).contains(name + "(\"" + type + "\""));
	}

}
