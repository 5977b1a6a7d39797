package io.parx.web.console;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;

import io.parx.web.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Serving the browser app: hashed files cached for good, {@code index.html} revalidated,
 * pages of the app answered with {@code index.html} while the services' paths and missing
 * files are not, and text compressed for clients that accept gzip.
 */
class ConsoleTests extends GatewayIntegrationTest {

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@Test
	void hashedAssetsAreCachedForAYearAndNeverRevalidated() throws IOException {
		gateway().get()
			.uri(builtScript())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
	}

	@Test
	void indexHtmlIsRevalidatedOnEveryVisit() {
		// After an update it names the new asset files; a cached copy would load old
		// ones.
		for (String path : new String[] { "/", "/index.html" }) {
			gateway().get()
				.uri(path)
				.header("Accept", BROWSER_ACCEPT)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("Cache-Control", "no-cache")
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.TEXT_HTML);
		}
	}

	@Test
	void aPageOfTheAppIsAnsweredWithIndexHtml() throws IOException {
		// A bookmark or a reload of /dashboards/12 must start the app on that page.
		for (String path : new String[] { "/dashboards/12", "/signin", "/trends" }) {
			gateway().get()
				.uri(path)
				.header("Accept", BROWSER_ACCEPT)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.valueEquals("Cache-Control", "no-cache")
				.expectBody(String.class)
				.isEqualTo(indexHtml());
		}
	}

	@Test
	void anUnknownApiPathStillReachesTheAdminApiEvenFromABrowser() {
		gateway().get()
			.uri("/api/v1/unknown")
			.header("Accept", BROWSER_ACCEPT)
			.exchange()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("admin-api");
	}

	@Test
	void aMissingAssetIsNotFoundRatherThanTheApp() {
		// index.html served as /assets/x.js would be run as a script and fail obscurely.
		gateway().get()
			.uri("/assets/missing.js")
			.header("Accept", BROWSER_ACCEPT)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aFileOfTheAppIsServedAsItselfToABrowser() throws IOException {
		// The icon a browser loads with the page must not be answered with index.html.
		Matcher icon = Pattern.compile("rel=\"icon\"[^>]*href=\"([^\"]+)\"").matcher(indexHtml());
		assertThat(icon.find()).as("index.html names its icon").isTrue();
		gateway().get()
			.uri(icon.group(1))
			.header("Accept", BROWSER_ACCEPT)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("Content-Type", (type) -> assertThat(type).doesNotStartWith("text/html"));
	}

	@Test
	void onlyBrowserNavigationsAreDeepLinks() {
		// fetch() of a missing file (Accept */*) gets a 404, not HTML that looks like
		// success.
		gateway().get().uri("/dashboards/12").header("Accept", "*/*").exchange().expectStatus().isNotFound();
		gateway().post()
			.uri("/dashboards/12")
			.header("Accept", BROWSER_ACCEPT)
			.exchange()
			.expectStatus()
			.is4xxClientError();
	}

	@Test
	void theBuiltAppRunsNoInlineScript() throws IOException {
		// The Content-Security-Policy forbids inline scripts: the app must not need one.
		Matcher scripts = Pattern.compile("<script\\b([^>]*)>").matcher(indexHtml());
		int count = 0;
		while (scripts.find()) {
			assertThat(scripts.group(1)).contains("src=");
			count++;
		}
		assertThat(count).isPositive();
	}

	@Test
	void textIsGzippedWhenTheClientAcceptsIt() throws Exception {
		// The JDK client leaves the body as sent (WebTestClient's Reactor Netty client
		// would decompress it and drop the header).
		for (String path : new String[] { builtScript(), "/api/v1/analytics/large" }) {
			HttpResponse<byte[]> gzipped = get(path, "gzip");
			assertThat(gzipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
			byte[] plain = get(path, "identity").body();
			try (GZIPInputStream body = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
				assertThat(body.readAllBytes()).as(path).isEqualTo(plain);
			}
			assertThat(gzipped.body().length).as(path).isLessThan(plain.length / 2);
		}
		assertThat(get("/api/v1/analytics/large", "identity").headers().firstValue("Content-Encoding")).isEmpty();
	}

	private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept-Encoding", acceptEncoding)
			.build();
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
	}

	private static String indexHtml() throws IOException {
		return new ClassPathResource("static/index.html").getContentAsString(StandardCharsets.UTF_8);
	}

	/** The app's entry script, named by Vite after its content hash. */
	private static String builtScript() throws IOException {
		Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(indexHtml());
		assertThat(script.find()).as("index.html names its script under /assets/").isTrue();
		return script.group(1);
	}

}
