package io.parx.collector.opcua;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.parx.collector.opcua.OpcUaCertificates.CertificateView;
import io.parx.common.audit.AuditActions;
import io.parx.common.audit.AuditTrail;
import io.parx.common.audit.AuditUnavailableException;
import io.parx.common.problem.ProblemType;
import io.parx.common.problem.Problems;
import io.parx.common.security.AccessRules;
import io.parx.common.security.Role;
import io.parx.common.web.ProblemResponses;

/**
 * The OPC UA trust list: every role sees the server certificates the collector trusts and
 * has rejected and downloads the collector's own certificate (for the servers' trust
 * lists); ENGINEER and ADMIN, who configure the channels and their credentials, trust a
 * rejected certificate or remove one (trusting decides whom the collector sends passwords
 * to). Both decisions are audited in the config database like every configuration change;
 * one that cannot be audited is undone and answered with 503.
 */
@RestController
@Tag(name = "Collector")
@RequestMapping("/api/v1/collector/opcua/certificates")
class OpcUaCertificateController {

	static final String ENTITY = "opcua-certificate";

	private final OpcUaCertificates certificates;

	private final AuditTrail audit;

	OpcUaCertificateController(OpcUaPki pki, AuditTrail audit) {
		this.certificates = new OpcUaCertificates(pki);
		this.audit = audit;
	}

	@Operation(operationId = "listOpcUaCertificates",
			summary = "The OPC UA server certificates trusted and rejected (every role)")
	@GetMapping
	TrustList list() {
		return new TrustList(this.certificates.trusted(), this.certificates.rejected());
	}

	@Operation(operationId = "getOwnOpcUaCertificate",
			summary = "The collector's own application instance certificate, DER (application/pkix-cert), to add to an OPC UA server's trust list (every role)")
	@GetMapping(path = "/own", produces = "application/pkix-cert")
	ResponseEntity<byte[]> own() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/pkix-cert"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"parx-collector.der\"")
			.body(this.certificates.own());
	}

	@Operation(operationId = "trustOpcUaCertificate",
			summary = "Trust a rejected OPC UA server certificate (ENGINEER, ADMIN)")
	@ApiResponse(responseCode = "200")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "503", ref = ProblemResponses.AUDIT_UNAVAILABLE)
	@PostMapping("/{thumbprint}/trust")
	CertificateView trust(@PathVariable String thumbprint, Authentication authentication) throws IOException {
		requireEngineer(authentication);
		requireThumbprint(thumbprint);
		CertificateView trusted = this.certificates.trust(thumbprint)
			.orElseThrow(() -> Problems.of(ProblemType.NOT_FOUND,
					"No rejected certificate has the thumbprint " + thumbprint + "."));
		try {
			this.audit.record(AuditActions.TRUST, ENTITY, null, new Listed(REJECTED, trusted),
					new Listed(TRUSTED, trusted));
		}
		catch (AuditUnavailableException ex) {
			// a trust decision nobody can trace must not stand (docs/SECURITY.md,
			// "Audit")
			this.certificates.untrust(trusted);
			throw ex;
		}
		return trusted;
	}

	@Operation(operationId = "removeOpcUaCertificate",
			summary = "Remove a trusted or rejected OPC UA server certificate (ENGINEER, ADMIN)")
	@ApiResponse(responseCode = "204", description = "Removed")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@ApiResponse(responseCode = "503", ref = ProblemResponses.AUDIT_UNAVAILABLE)
	@DeleteMapping("/{thumbprint}")
	ResponseEntity<Void> remove(@PathVariable String thumbprint, Authentication authentication) throws IOException {
		requireEngineer(authentication);
		requireThumbprint(thumbprint);
		OpcUaCertificates.Removed removed = this.certificates.remove(thumbprint)
			.orElseThrow(() -> Problems.of(ProblemType.NOT_FOUND,
					"No trusted or rejected certificate has the thumbprint " + thumbprint + "."));
		try {
			this.audit.record(AuditActions.DELETE, ENTITY, null,
					new Listed(removed.wasTrusted() ? TRUSTED : REJECTED, removed.view()), null);
		}
		catch (AuditUnavailableException ex) {
			this.certificates.restore(removed);
			throw ex;
		}
		return ResponseEntity.noContent().build();
	}

	private static void requireThumbprint(String thumbprint) {
		if (!thumbprint.matches("[0-9a-fA-F]{40}")) {
			throw Problems.validation("thumbprint", "must be 40 hex digits (SHA-1)");
		}
	}

	private static void requireEngineer(Authentication authentication) {
		if (Collections.disjoint(Role.of(authentication), AccessRules.CONFIGURERS)) {
			throw new AccessDeniedException("changing the OPC UA trust list needs ENGINEER or ADMIN");
		}
	}

	private static final String TRUSTED = "trusted";

	private static final String REJECTED = "rejected";

	/**
	 * A certificate and the list it is on, as the audit trail records it (the thumbprint
	 * is not a number, so entries carry no entity id).
	 *
	 * @param list {@code trusted} or {@code rejected}
	 * @param certificate the certificate
	 */
	record Listed(String list, CertificateView certificate) {

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
