package io.parx.collector.opcua;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Map;

import javax.sql.DataSource;

import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.parx.collector.AbstractIntegrationTest;
import io.parx.db.test.RefusedAudit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class OpcUaCertificateApiTests extends AbstractIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String BASE = "/api/v1/collector/opcua/certificates";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	OpcUaPki pki;

	@Autowired
	DataSource dataSource;

	private JdbcClient jdbc;

	@BeforeEach
	void configDatabase() {
		this.jdbc = JdbcClient.create(this.dataSource);
	}

	private Map<String, Object> auditEntry(String action, String thumbprint) {
		return this.jdbc
			.sql("select username, user_id, client_ip, before_value::text as before, after_value::text as after "
					+ "from audit_event where entity_type = 'opcua-certificate' and action = ? "
					+ "and coalesce(after_value, before_value) -> 'certificate' ->> 'thumbprint' = ?")
			.params(action, thumbprint)
			.query()
			.singleRow();
	}

	@Test
	void everyRoleReadsTheTrustListButOnlyEngineersAndAdministratorsChangeIt() throws Exception {
		// trusting a certificate decides whom the collector sends passwords to
		String thumbprint = reject("PLC 9");
		HttpResponse<String> list = send("GET", BASE, TOKENS.token("olga", "OPERATOR"));
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(list.body()).path("rejected").toString()).contains(thumbprint);
		HttpResponse<String> trust = send("POST", BASE + "/" + thumbprint + "/trust", TOKENS.token("olga", "OPERATOR"));
		HttpResponse<String> remove = send("DELETE", BASE + "/" + thumbprint, TOKENS.token("olga", "OPERATOR"));
		assertThat(trust.statusCode()).isEqualTo(403);
		assertThat(remove.statusCode()).isEqualTo(403);
		assertThat(JSON.readTree(trust.body()).path("type").asString()).isEqualTo("/problems/forbidden");
		assertThat(send("GET", BASE, null).statusCode()).isEqualTo(401);
		assertThat(send("GET", BASE + "/own", null).statusCode()).isEqualTo(401);
	}

	@Test
	void anEngineerTrustsARejectedCertificateAndRemovesItAgain() throws Exception {
		String thumbprint = reject("PLC 8");
		HttpResponse<String> trusted = send("POST", BASE + "/" + thumbprint + "/trust",
				TOKENS.token("erin", "ENGINEER"));
		assertThat(trusted.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(trusted.body()).path("subject").asString()).contains("CN=PLC 8");
		JsonNode list = JSON.readTree(send("GET", BASE, TOKENS.token("erin", "ENGINEER")).body());
		assertThat(list.path("trusted").toString()).contains(thumbprint);
		assertThat(list.path("rejected").toString()).doesNotContain(thumbprint);

		HttpResponse<String> removed = send("DELETE", BASE + "/" + thumbprint, TOKENS.token("erin", "ENGINEER"));
		assertThat(removed.statusCode()).isEqualTo(204);
		assertThat(send("GET", BASE, TOKENS.token("erin", "ENGINEER")).body()).doesNotContain(thumbprint);
		HttpResponse<String> again = send("DELETE", BASE + "/" + thumbprint, TOKENS.token("erin", "ENGINEER"));
		assertThat(again.statusCode()).isEqualTo(404);
		assertThat(again.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

	@Test
	void trustingAndRemovingACertificateAreAuditedWithTheUserOfTheToken() throws Exception {
		// trust decisions change configuration like a channel does (SECURITY.md, "Audit")
		String thumbprint = reject("PLC 7");
		// through the web gateway (a trusted proxy, loopback in tests), which names the
		// browser's address
		HttpRequest viaGateway = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + BASE + "/" + thumbprint + "/trust"))
			.header("Authorization", "Bearer " + TOKENS.token("erin", 4711L, "ENGINEER"))
			.header("X-Forwarded-For", "198.51.100.8")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		assertThat(this.http.send(viaGateway, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		assertThat(send("DELETE", BASE + "/" + thumbprint, TOKENS.token("ada", 7L, "ADMIN")).statusCode())
			.isEqualTo(204);

		Map<String, Object> trust = auditEntry("TRUST", thumbprint);
		assertThat(trust).containsEntry("username", "erin").containsEntry("user_id", 4711L);
		assertThat(trust).containsEntry("client_ip", "198.51.100.8");
		assertThat(JSON.readTree((String) trust.get("before")).path("list").asString()).isEqualTo("rejected");
		JsonNode after = JSON.readTree((String) trust.get("after"));
		assertThat(after.path("list").asString()).isEqualTo("trusted");
		assertThat(after.path("certificate").path("subject").asString()).contains("CN=PLC 7");
		Map<String, Object> removal = auditEntry("DELETE", thumbprint);
		assertThat(removal).containsEntry("username", "ada").containsEntry("user_id", 7L).containsEntry("after", null);
		assertThat(JSON.readTree((String) removal.get("before")).path("list").asString()).isEqualTo("trusted");
	}

	@Test
	void aTrustDecisionThatCannotBeAuditedIsUndoneAndAnswered503() throws Exception {
		String thumbprint = reject("PLC 6");
		HttpResponse<String> trust;
		try (RefusedAudit refused = RefusedAudit.of(this.dataSource, "opcua-certificate")) {
			trust = send("POST", BASE + "/" + thumbprint + "/trust", TOKENS.token("erin", "ENGINEER"));
		}
		assertThat(trust.statusCode()).isEqualTo(503);
		assertThat(trust.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(JSON.readTree(trust.body()).path("type").asString()).isEqualTo("/problems/audit-unavailable");
		JsonNode list = JSON.readTree(send("GET", BASE, TOKENS.token("erin", "ENGINEER")).body());
		assertThat(list.path("trusted").toString()).doesNotContain(thumbprint);
		assertThat(list.path("rejected").toString()).contains(thumbprint);
	}

	@Test
	void everyRoleDownloadsTheCollectorsOwnCertificateAsDer() throws Exception {
		// an OPC UA server administrator adds it to the server's trust list (Part 4 §6.1)
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + BASE + "/own"))
			.header("Authorization", "Bearer " + TOKENS.token("olga", "OPERATOR"))
			.GET()
			.build();
		HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pkix-cert");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("parx-collector.der");
		X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(response.body()));
		assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=ParX collector");
		assertThat(certificate).isEqualTo(this.pki.certificateChain()[0]);
	}

	@Test
	void administratorsSeeTrustedAndRejectedCertificates() throws Exception {
		HttpResponse<String> response = send("GET", BASE, TOKENS.token("ada", "ADMIN"));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.path("trusted").isArray()).isTrue();
		assertThat(body.path("rejected").isArray()).isTrue();
	}

	@Test
	void trustingAnUnknownOrMalformedThumbprintIsAProblemNotAnError() throws Exception {
		HttpResponse<String> unknown = send("POST", BASE + "/" + "ab".repeat(20) + "/trust",
				TOKENS.token("ada", "ADMIN"));
		HttpResponse<String> malformed = send("POST", BASE + "/xyz/trust", TOKENS.token("ada", "ADMIN"));
		HttpResponse<String> malformedRemove = send("DELETE", BASE + "/xyz", TOKENS.token("ada", "ADMIN"));
		assertThat(malformedRemove.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(malformedRemove.body()).path("errors").toString()).contains("thumbprint");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(JSON.readTree(unknown.body()).path("type").asString()).isEqualTo("/problems/not-found");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(malformed.body()).path("type").asString()).isEqualTo("/problems/validation");
	}

	/**
	 * A server certificate as the OPC UA client rejects it: a DER file in the rejected
	 * directory.
	 */
	private String reject(String commonName) throws Exception {
		KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
		X509Certificate server = new SelfSignedCertificateBuilder(keyPair).setCommonName(commonName)
			.setApplicationUri("urn:plant:" + commonName.replace(' ', '-'))
			.build();
		Files.createDirectories(this.pki.rejectedDir());
		Files.write(this.pki.rejectedDir().resolve(commonName.replace(' ', '-') + ".der"), server.getEncoded());
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(server.getEncoded()));
	}

	private HttpResponse<String> send(String method, String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
