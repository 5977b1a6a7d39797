package io.parx.collector.opcua;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.parx.collector.opcua.OpcUaCertificates.CertificateView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets an administrator see the OPC UA server certificates the collector trusts and has
 * rejected, and trust a rejected one. Administrators only: trusting a certificate decides
 * whom the collector sends passwords to.
 */
@RestController
@Tag(name = "Collector")
@RequestMapping("/api/v1/collector/opcua/certificates")
class OpcUaCertificateController {

	private final OpcUaCertificates certificates;

	OpcUaCertificateController(OpcUaPki pki) {
		this.certificates = new OpcUaCertificates(pki);
	}

	@Operation(operationId = "listOpcUaCertificates",
			summary = "The OPC UA server certificates trusted and rejected (ADMIN)")
	@GetMapping
	TrustList list(Authentication authentication) {
		requireAdmin(authentication);
		return new TrustList(this.certificates.trusted(), this.certificates.rejected());
	}

	@Operation(operationId = "trustOpcUaCertificate", summary = "Trust a rejected OPC UA server certificate (ADMIN)")
	@PostMapping("/{thumbprint}/trust")
	CertificateView trust(@PathVariable String thumbprint, Authentication authentication) throws IOException {
		requireAdmin(authentication);
		if (!thumbprint.matches("[0-9a-fA-F]{40}")) {
			throw problem(HttpStatus.BAD_REQUEST, "/problems/validation",
					"thumbprint must be the 40 hex digits of a SHA-1 thumbprint");
		}
		return this.certificates.trust(thumbprint)
			.orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "/problems/not-found",
					"No rejected certificate has the thumbprint " + thumbprint + "."));
	}

	private static void requireAdmin(Authentication authentication) {
		boolean admin = authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> "ROLE_ADMIN".equals(authority.getAuthority()));
		if (!admin) {
			throw new AccessDeniedException("OPC UA certificates are for administrators");
		}
	}

	private static ErrorResponseException problem(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(type));
		return new ErrorResponseException(status, problem, null);
	}

	/**
	 * The trust list.
	 *
	 * @param trusted certificates in {@code trusted/certs}
	 * @param rejected certificates in {@code rejected}, waiting for a decision
	 */
	record TrustList(List<CertificateView> trusted, List<CertificateView> rejected) {

	}

}
