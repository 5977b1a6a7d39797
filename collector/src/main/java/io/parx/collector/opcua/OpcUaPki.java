package io.parx.collector.opcua;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.Arrays;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's OPC UA application instance certificate and its trust list on disk (OPC
 * UA Part 4 §6.1, Part 12 §7.3 directory layout):
 * <ul>
 * <li>{@code client.pfx}: the key pair and self-signed certificate, generated once on
 * first use and kept;</li>
 * <li>{@code trusted/certs}: server certificates an administrator trusts (watched, so a
 * certificate moved there is trusted without a restart);</li>
 * <li>{@code rejected}: server certificates that failed validation, stored so an
 * administrator can inspect them and move them to {@code trusted/certs}.</li>
 * </ul>
 * There is no accept-all mode: an untrusted server certificate fails the connection with
 * Bad_SecurityChecksFailed.
 */
public final class OpcUaPki implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(OpcUaPki.class);

	private static final String ALIAS = "parx-collector";

	static {
		// Aes256_Sha256_RsaPss needs RSA-PSS signatures from Bouncy Castle (Milo's note)
		if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
			Security.addProvider(new BouncyCastleProvider());
		}
	}

	private final Path dir;

	private final String applicationUri;

	private final char[] password;

	private KeyPair keyPair;

	private X509Certificate[] chain;

	private FileBasedTrustListManager trustList;

	private CertificateValidator validator;

	public OpcUaPki(Path dir, String applicationUri, String keystorePassword) {
		this.dir = dir.toAbsolutePath().normalize();
		this.applicationUri = applicationUri;
		this.password = keystorePassword.toCharArray();
	}

	static OpcUaPki of(OpcUaSettings settings, Path defaultDir) {
		Path dir = (settings.pkiDir() != null) ? settings.pkiDir() : defaultDir;
		return new OpcUaPki(dir, settings.applicationUri(), settings.keystorePassword());
	}

	public Path dir() {
		return this.dir;
	}

	/** Where trusted server certificates go ({@code .der} or {@code .pem}). */
	public Path trustedDir() {
		return this.dir.resolve("trusted").resolve("certs");
	}

	/** Where rejected server certificates are stored, named by thumbprint. */
	public Path rejectedDir() {
		return this.dir.resolve("rejected");
	}

	synchronized KeyPair keyPair() {
		load();
		return this.keyPair;
	}

	/** The application instance certificate chain, the collector's own first. */
	public synchronized X509Certificate[] certificateChain() {
		load();
		return this.chain.clone();
	}

	synchronized CertificateValidator validator() {
		load();
		return this.validator;
	}

	private void load() {
		if (this.keyPair != null) {
			return;
		}
		try {
			Files.createDirectories(this.dir);
			loadOrCreateKeyStore(this.dir.resolve("client.pfx"));
			this.trustList = FileBasedTrustListManager.createAndInitialize(this.dir);
			this.validator = new DefaultClientCertificateValidator(this.trustList,
					FileBasedCertificateQuarantine.create(rejectedDir()));
		}
		catch (Exception ex) {
			throw new IllegalStateException("OPC UA PKI at " + this.dir + " cannot be used: " + ex.getMessage(), ex);
		}
	}

	private void loadOrCreateKeyStore(Path file) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		if (Files.exists(file)) {
			try (InputStream in = Files.newInputStream(file)) {
				store.load(in, this.password);
			}
		}
		else {
			store.load(null, this.password);
			KeyPair pair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
			SelfSignedCertificateBuilder builder = new SelfSignedCertificateBuilder(pair)
				.setCommonName("ParX collector")
				.setOrganization("ParX")
				.setApplicationUri(this.applicationUri)
				.setValidityPeriod(Period.ofYears(5))
				.addDnsName("localhost")
				.addIpAddress("127.0.0.1");
			String hostname = InetAddress.getLocalHost().getHostName();
			if (!"localhost".equals(hostname)) {
				builder.addDnsName(hostname);
			}
			X509Certificate certificate = builder.build();
			store.setKeyEntry(ALIAS, pair.getPrivate(), this.password, new X509Certificate[] { certificate });
			// written to a temporary file and moved, so a crash never leaves half a
			// keystore
			Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
			try (OutputStream out = Files.newOutputStream(tmp)) {
				store.store(out, this.password);
			}
			Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			logger.info("Created the OPC UA application instance certificate {} in {}",
					certificate.getSubjectX500Principal(), file);
		}
		PrivateKey key = (PrivateKey) store.getKey(ALIAS, this.password);
		this.chain = Arrays.stream(store.getCertificateChain(ALIAS))
			.map(X509Certificate.class::cast)
			.toArray(X509Certificate[]::new);
		this.keyPair = new KeyPair(this.chain[0].getPublicKey(), key);
	}

	@Override
	public synchronized void close() {
		if (this.trustList != null) {
			try {
				this.trustList.close();
			}
			catch (IOException ex) {
				logger.debug("Closing the OPC UA trust list failed", ex);
			}
		}
	}

}
