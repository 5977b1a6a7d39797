package io.parx.collector.opcua;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The administrator's view of the OPC UA trust list on disk: which server certificates
 * are trusted, which were rejected, and trusting a rejected one (moving it to
 * {@code trusted/certs}, which the running clients pick up without a restart).
 */
final class OpcUaCertificates {

	private final OpcUaPki pki;

	OpcUaCertificates(OpcUaPki pki) {
		this.pki = pki;
	}

	List<CertificateView> trusted() {
		return list(this.pki.trustedDir());
	}

	List<CertificateView> rejected() {
		return list(this.pki.rejectedDir());
	}

	/**
	 * Moves a rejected certificate to the trusted ones.
	 * @param thumbprint SHA-1 of the DER encoding in hex (OPC UA Part 4 §7.37
	 * thumbprint), case-insensitive
	 * @return the trusted certificate, empty if no rejected certificate has that
	 * thumbprint
	 */
	Optional<CertificateView> trust(String thumbprint) throws IOException {
		for (Entry entry : entries(this.pki.rejectedDir())) {
			if (entry.view().thumbprint().equalsIgnoreCase(thumbprint)) {
				Files.createDirectories(this.pki.trustedDir());
				Path target = this.pki.trustedDir().resolve(entry.view().thumbprint() + ".der");
				Files.move(entry.file(), target, StandardCopyOption.REPLACE_EXISTING);
				return Optional.of(entry.view());
			}
		}
		return Optional.empty();
	}

	/**
	 * Moves a trusted certificate back to the rejected ones: undoes {@link #trust} when
	 * the decision cannot be audited.
	 */
	void untrust(CertificateView certificate) throws IOException {
		Files.createDirectories(this.pki.rejectedDir());
		Files.move(this.pki.trustedDir().resolve(certificate.thumbprint() + ".der"),
				this.pki.rejectedDir().resolve(certificate.thumbprint() + ".der"), StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * Deletes a trusted or rejected certificate: a trusted server is no longer trusted
	 * (the running clients re-read the trust list), a rejected one is forgotten until the
	 * server presents it again.
	 * @return the removed certificate, empty if none has that thumbprint
	 */
	Optional<Removed> remove(String thumbprint) throws IOException {
		for (Path dir : List.of(this.pki.trustedDir(), this.pki.rejectedDir())) {
			for (Entry entry : entries(dir)) {
				if (entry.view().thumbprint().equalsIgnoreCase(thumbprint)) {
					byte[] content = Files.readAllBytes(entry.file());
					Files.delete(entry.file());
					return Optional
						.of(new Removed(entry.view(), entry.file(), content, dir.equals(this.pki.trustedDir())));
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Puts a removed certificate back: undoes {@link #remove} when it cannot be audited.
	 */
	void restore(Removed removed) throws IOException {
		Files.createDirectories(removed.file().getParent());
		Files.write(removed.file(), removed.content());
	}

	/** The collector's own application instance certificate, DER encoded. */
	byte[] own() {
		try {
			return this.pki.certificateChain()[0].getEncoded();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("the collector's certificate cannot be encoded", ex);
		}
	}

	private static List<CertificateView> list(Path dir) {
		return entries(dir).stream().map(Entry::view).sorted(Comparator.comparing(CertificateView::subject)).toList();
	}

	private static List<Entry> entries(Path dir) {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		List<Entry> entries = new ArrayList<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				read(file).ifPresent((certificate) -> entries.add(new Entry(file, CertificateView.of(certificate))));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot list " + dir + ": " + ex.getMessage(), ex);
		}
		return entries;
	}

	private static Optional<X509Certificate> read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		catch (IOException | GeneralSecurityException ex) {
			return Optional.empty(); // not a certificate: not shown
		}
	}

	private record Entry(Path file, CertificateView view) {

	}

	/**
	 * A removed certificate, kept in memory until its removal is audited.
	 *
	 * @param view the certificate
	 * @param file where it was
	 * @param content its file's content
	 * @param wasTrusted whether it was trusted (else rejected)
	 */
	record Removed(CertificateView view, Path file, byte[] content, boolean wasTrusted) {

	}

	/**
	 * A certificate as the API shows it.
	 *
	 * @param thumbprint SHA-1 of the DER encoding, lower-case hex
	 * @param subject the subject distinguished name
	 * @param issuer the issuer distinguished name
	 * @param applicationUri the application URI from the subject alternative name, or
	 * {@code null}
	 * @param notBefore start of validity
	 * @param notAfter end of validity
	 */
	record CertificateView(String thumbprint, String subject, String issuer, String applicationUri, Instant notBefore,
			Instant notAfter) {

		static CertificateView of(X509Certificate certificate) {
			try {
				String thumbprint = HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
				return new CertificateView(thumbprint, certificate.getSubjectX500Principal().getName(),
						certificate.getIssuerX500Principal().getName(), applicationUri(certificate),
						certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static String applicationUri(X509Certificate certificate) {
			try {
				var names = certificate.getSubjectAlternativeNames();
				if (names == null) {
					return null;
				}
				// type 6: uniformResourceIdentifier (RFC 5280 §4.2.1.6)
				return names.stream()
					.filter((name) -> Integer.valueOf(6).equals(name.get(0)))
					.map((name) -> (String) name.get(1))
					.findFirst()
					.orElse(null);
			}
			catch (GeneralSecurityException ex) {
				return null;
			}
		}

	}

}
