package io.parx.collector.opcua;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class OpcUaCertificatesTests {

	@TempDir
	Path dir;

	private OpcUaPki pki;

	private OpcUaCertificates certificates;

	private X509Certificate server;

	@BeforeEach
	void rejectAServerCertificate() throws Exception {
		this.pki = new OpcUaPki(this.dir, "urn:parx:collector", "parx");
		this.certificates = new OpcUaCertificates(this.pki);
		KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
		this.server = new SelfSignedCertificateBuilder(keyPair).setCommonName("PLC 7")
			.setApplicationUri("urn:plant:plc7")
			.build();
		Files.createDirectories(this.pki.rejectedDir());
		// Milo names rejected files by a hash of their signature
		Files.write(this.pki.rejectedDir().resolve("0a1b2c.der"), this.server.getEncoded());
	}

	@Test
	void rejectedCertificateIsListedWithItsThumbprintAndApplicationUri() throws Exception {
		assertThat(this.certificates.trusted()).isEmpty();
		assertThat(this.certificates.rejected()).singleElement().satisfies((view) -> {
			assertThat(view.thumbprint()).isEqualTo(thumbprint(this.server));
			assertThat(view.subject()).contains("CN=PLC 7");
			assertThat(view.applicationUri()).isEqualTo("urn:plant:plc7");
		});
	}

	@Test
	void trustingMovesTheCertificateIntoTheTrustList() throws Exception {
		assertThat(this.certificates.trust(thumbprint(this.server).toUpperCase())).isPresent();

		assertThat(this.certificates.rejected()).isEmpty();
		assertThat(this.certificates.trusted()).extracting(OpcUaCertificates.CertificateView::thumbprint)
			.containsExactly(thumbprint(this.server));
		assertThat(this.pki.trustedDir().resolve(thumbprint(this.server) + ".der")).exists();
	}

	@Test
	void unknownThumbprintTrustsNothing() throws Exception {
		assertThat(this.certificates.trust("00".repeat(20))).isEmpty();
		assertThat(this.certificates.rejected()).hasSize(1);
	}

	@Test
	void filesThatAreNoCertificatesAreIgnored() throws Exception {
		Files.writeString(this.pki.rejectedDir().resolve("README"), "not a certificate");
		assertThat(this.certificates.rejected()).hasSize(1);
	}

	private static String thumbprint(X509Certificate certificate) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
	}

}
