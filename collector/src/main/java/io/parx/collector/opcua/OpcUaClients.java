package io.parx.collector.opcua;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * Creates Milo clients for an {@link OpcUaEndpoint}: fetches the server's endpoints
 * (GetEndpoints, OPC UA Part 4 §5.4.4), picks the one with the configured security policy
 * and mode, and keeps the configured host and port (servers often advertise a hostname
 * the collector cannot resolve).
 */
public final class OpcUaClients {

	private OpcUaClients() {
	}

	static OpcUaClient create(OpcUaEndpoint endpoint, OpcUaSettings settings, OpcUaPki pki) throws UaException {
		String host = EndpointUtil.getHost(endpoint.url());
		int port = EndpointUtil.getPort(endpoint.url());
		boolean secure = endpoint.policy() != org.eclipse.milo.opcua.stack.core.security.SecurityPolicy.None;
		try {
			return OpcUaClient.create(endpoint.url(), (endpoints) -> select(endpoint, endpoints, host, port),
					(transport) -> transport.setConnectTimeout(uint(settings.requestTimeout().toMillis())),
					(config) -> {
						config.setApplicationName(LocalizedText.english(settings.applicationName()))
							.setApplicationUri(settings.applicationUri())
							.setProductUri("urn:parx")
							.setRequestTimeout(uint(settings.requestTimeout().toMillis()))
							.setSessionTimeout(uint(settings.sessionTimeout().toMillis()))
							.setIdentityProvider(endpoint.identity(pki.validator()))
							// Always the trust list: even on a None endpoint the server
							// certificate encrypts a user's password (Part 4 §7.36.4),
							// and
							// Milo's default validator would accept any certificate.
							.setCertificateValidator(pki.validator());
						if (secure) {
							X509Certificate[] chain = pki.certificateChain();
							config.setKeyPair(pki.keyPair()).setCertificate(chain[0]).setCertificateChain(chain);
						}
					});
		}
		catch (UaException ex) {
			if (ex.getStatusCode().getValue() == StatusCodes.Bad_ConfigurationError) {
				throw new UaException(StatusCodes.Bad_ConfigurationError, "server offers no endpoint with "
						+ endpoint.policy().name() + "/" + endpoint.mode().name() + " at " + endpoint.url());
			}
			throw ex;
		}
	}

	private static Optional<EndpointDescription> select(OpcUaEndpoint endpoint, List<EndpointDescription> endpoints,
			String host, int port) {
		return endpoints.stream()
			.filter((candidate) -> endpoint.policy().getUri().equals(candidate.getSecurityPolicyUri())
					&& endpoint.mode() == candidate.getSecurityMode())
			.filter((candidate) -> "opc.tcp".equalsIgnoreCase(EndpointUtil.getScheme(candidate.getEndpointUrl())))
			.findFirst()
			.map((candidate) -> EndpointUtil.updateUrl(candidate, host, port));
	}

	/** The status code and message of a failure, for status and channel-test output. */
	public static String describe(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof ExecutionException || cause instanceof java.util.concurrent.CompletionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof UaException ua) {
			String name = StatusCodes.lookup(ua.getStatusCode().getValue())
				.map((names) -> names[0])
				.orElse(ua.getStatusCode().toString());
			String message = ua.getMessage();
			return (message != null && !message.equals(name) && !message.contains(name)) ? name + ": " + message
					: (message != null) ? message : name;
		}
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

	/** The StatusCode of a failure, Bad_CommunicationError when it carries none. */
	public static int statusOf(Throwable failure) {
		Throwable cause = failure;
		while (cause != null) {
			if (cause instanceof UaException ua) {
				return (int) ua.getStatusCode().getValue();
			}
			cause = cause.getCause();
		}
		return io.parx.common.sample.Quality.BAD_COMMUNICATION_ERROR;
	}

}
