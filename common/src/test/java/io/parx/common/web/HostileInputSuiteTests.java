package io.parx.common.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The generated suite must catch what it promises to catch, on a server of our own. */
class HostileInputSuiteTests {

	private static final String DOCUMENT = """
			{"openapi":"3.1.0","paths":{"/api/v1/things/{id}":{"put":{
			  "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer"}},
			                {"name":"mode","in":"query","schema":{"type":"string","enum":["A","B"]}}],
			  "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}}}},
			 "components":{"schemas":{"Thing":{"type":"object","properties":{"name":{"type":"string"},
			   "tags":{"type":"array","items":{"type":"string"}},"size":{"type":"integer"}}}}}}
			""";

	private static final String PROBLEM = "{\"type\":\"/problems/validation\",\"status\":400}";

	@Test
	void aServerThatAnswersEveryHostileRequestWithASmallProblemPasses() throws Exception {
		int requests = run((body) -> new Answer(400, "application/problem+json", PROBLEM));
		// path and query values, the fields and an array item, the body as a whole,
		// service-wide probes
		assertThat(requests).isGreaterThan(40);
	}

	@Test
	void a5xxForANulInANestedFieldFailsTheSuiteNamingTheRequest() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> run((body) -> body.contains("[\"a\\u0000b\"]") ? new Answer(500, "text/plain", "boom")
					: new Answer(400, "application/problem+json", PROBLEM)))
			.withMessageContaining("body tags[0]=")
			.withMessageContaining(": 500 boom");
	}

	@Test
	void anHtmlErrorOrAnEchoingErrorBodyFailsTheSuite() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> run((body) -> new Answer(400, "text/html", "<html>Bad Request</html>")))
			.withMessageContaining("as 'text/html'");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> run((body) -> new Answer(400, "application/problem+json",
					"{\"detail\":\"" + body.replace("\"", "") + "\"}")))
			.withMessageContaining("with an error body of");
	}

	private record Answer(int status, String contentType, String body) {
	}

	private static int run(Function<String, Answer> server) throws IOException {
		HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		http.createContext("/", (exchange) -> answer(exchange, server));
		http.start();
		try {
			return HostileInputSuite.against(URI.create("http://127.0.0.1:" + http.getAddress().getPort()), DOCUMENT)
				.run();
		}
		finally {
			http.stop(0);
		}
	}

	private static void answer(HttpExchange exchange, Function<String, Answer> server) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Answer answer = server.apply(body);
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", answer.contentType());
		exchange.sendResponseHeaders(answer.status(), bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
