package io.parx.collector.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A Mosquitto broker of the test's own (never the shared one reconfigured): a TLS
 * listener with a fresh self-signed certificate for 127.0.0.1 and a password file, so
 * {@code ssl://} and credentials can be tested. Started with the {@code mosquitto} and
 * {@code openssl} binaries of the machine.
 */
final class SecuredMosquitto implements AutoCloseable {

	static final String USERNAME = "collector";

	static final String PASSWORD = "p4ss-word";

	private final Process process;

	private final int port;

	private final Path trustStore;

	private SecuredMosquitto(Process process, int port, Path trustStore) {
		this.process = process;
		this.port = port;
		this.trustStore = trustStore;
	}

	static SecuredMosquitto start(Path dir) throws Exception {
		Path key = dir.resolve("broker.key");
		Path cert = dir.resolve("broker.crt");
		run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
				"/CN=parx-test-broker", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout",
				key.toString(), "-out", cert.toString());
		Path passwords = dir.resolve("passwords");
		run(dir, "mosquitto_passwd", "-b", "-c", passwords.toString(), USERNAME, PASSWORD);
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path config = dir.resolve("mosquitto.conf");
		Files.writeString(config,
				String.join("\n", "user " + System.getProperty("user.name"), "persistence false", "log_dest stderr",
						"listener " + port + " 127.0.0.1", "certfile " + cert, "keyfile " + key,
						"allow_anonymous false", "password_file " + passwords, ""));
		Process process = new ProcessBuilder("mosquitto", "-c", config.toString()).redirectErrorStream(true)
			.redirectOutput(dir.resolve("mosquitto.log").toFile())
			.start();
		Path trustStore = dir.resolve("truststore.p12");
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		try (InputStream in = Files.newInputStream(cert)) {
			store.setCertificateEntry("broker",
					(X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		try (OutputStream out = Files.newOutputStream(trustStore)) {
			store.store(out, "changeit".toCharArray());
		}
		SecuredMosquitto broker = new SecuredMosquitto(process, port, trustStore);
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException("mosquitto exited: " + Files.readString(dir.resolve("mosquitto.log")));
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		});
		return broker;
	}

	private static void run(Path dir, String... command) throws Exception {
		Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve(command[0] + ".log").toFile())
			.start();
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(
					String.join(" ", command) + " failed: " + Files.readString(dir.resolve(command[0] + ".log")));
		}
	}

	String url() {
		return "ssl://127.0.0.1:" + this.port;
	}

	int port() {
		return this.port;
	}

	Path trustStore() {
		return this.trustStore;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
