package io.parx.analytics.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import io.parx.analytics.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.lessThan;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The findings of issue #17 on the analytics engine: each was a 500, an unbounded echo or
 * an accepted mistake before.
 */
class InputLimitsTests extends AbstractIntegrationTest {

	private static String json(String text) {
		return text.replace('\'', '"');
	}

	@Test
	void aNulInADerivedSignalsTextIsA400NamingTheField() throws Exception {
		// PostgreSQL cannot store U+0000: it was a 500 from the insert
		for (String field : new String[] { "name", "description", "unit" }) {
			String body = json("{'name':'n','description':'d','unit':'u','formula':'1 + 1'}")
				.replace("\"" + field + "\":\"" + field.charAt(0) + "\"", "\"" + field + "\":\"a\\u0000b\"");
			this.mvc
				.perform(post("/api/v1/analytics/derived/signals").with(as("ENGINEER"))
					.contentType(MediaType.APPLICATION_JSON)
					.content(body))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value(field));
		}
	}

	@Test
	void aNulInASearchOrAFormulasChannelNameIsA400NamingIt() throws Exception {
		this.mvc.perform(get(URI.create("/api/v1/analytics/batches?search=a%00b")).with(as("OPERATOR")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("search"));
		this.mvc
			.perform(post("/api/v1/analytics/derived/evaluate").with(as("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("{'formula':'[Furnace\\u0000] * 2','from':'2026-03-28T01:00:00Z',"
						+ "'to':'2026-03-28T01:10:00Z'}")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("formula"));
	}

	@Test
	void anUnknownTimeZoneIsEchoedOnlyAsAShortPrefix() throws Exception {
		// a 50 MB time zone came back twice in a 100 MB error body
		String zone = "Europe/" + "x".repeat(200_000);
		this.mvc
			.perform(post("/api/v1/analytics/query").with(as("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("{'channelIds':[1],'from':'2026-03-28T01:00:00Z','to':'2026-03-28T01:10:00Z',"
						+ "'interval':'1m','timeZone':'" + zone + "'}")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("timeZone"))
			.andExpect(jsonPath("$.detail", hasLength(lessThan(200))));
	}

	@Test
	void unknownFieldsOfAQueryAreRefusedLikeEverywhereElse() throws Exception {
		this.mvc
			.perform(post("/api/v1/analytics/query").with(as("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("{'channelIds':[1],'from':'2026-03-28T01:00:00Z','to':'2026-03-28T01:10:00Z',"
						+ "'interval':'1m','intervall':'1h'}")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("intervall"))
			.andExpect(jsonPath("$.errors[0].message").value("is not a known field"));
	}

	@Test
	void batchesFromAfterToAreA400() throws Exception {
		this.mvc
			.perform(get("/api/v1/analytics/batches?from=2026-03-29T00:00:00Z&to=2026-03-28T00:00:00Z")
				.with(as("OPERATOR")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
	}

	@Test
	void roundingDigitsOutsideTheDocumentedRangeAreAFormulaError() throws Exception {
		this.mvc
			.perform(post("/api/v1/analytics/derived/evaluate").with(as("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json(
						"{'formula':'round(#1, 99)','from':'2026-03-28T01:00:00Z'," + "'to':'2026-03-28T01:10:00Z'}")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("/problems/formula-syntax"));
	}

	@Test
	void aBodyOverTheLimitIsA413BeforeItIsRead() throws Exception {
		HttpResponse<String> response = http(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/analytics/query"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("[" + "1,".repeat(600_000) + "1]")));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void anEncodedSlashInAPathIsAProblemNotTomcatsHtmlPage() throws Exception {
		HttpResponse<String> response = http(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/analytics/batches/a%2Fb"))
					.header("Authorization", "Bearer " + token("OPERATOR")));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).doesNotContain("<html");
	}

	private static HttpResponse<String> http(HttpRequest.Builder request) throws Exception {
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

}
