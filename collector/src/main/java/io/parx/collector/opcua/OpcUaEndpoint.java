package io.parx.collector.opcua;

import java.net.URI;
import java.util.Locale;

import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

import io.parx.collector.channels.ChannelConfig;

/**
 * One server connection: channels with equal endpoint URL, security and identity share
 * one client and session (config schema V1, OPCUA: {@code endpointUrl, securityPolicy,
 * securityMode, authentication, username, password}).
 *
 * @param url the endpoint URL, {@code opc.tcp://host:port/path}
 * @param policy the security policy
 * @param mode the message security mode
 * @param authentication how the session authenticates
 * @param username user name for {@link Authentication#USERNAME}
 * @param password password for {@link Authentication#USERNAME}
 */
record OpcUaEndpoint(String url, SecurityPolicy policy, MessageSecurityMode mode, Authentication authentication,
		String username, String password) {

	OpcUaEndpoint {
		if ((policy == SecurityPolicy.None) != (mode == MessageSecurityMode.None)) {
			throw new IllegalArgumentException(
					"securityPolicy None requires securityMode None and the other policies Sign or SignAndEncrypt");
		}
		if (authentication == Authentication.USERNAME && username == null) {
			throw new IllegalArgumentException("username is required for authentication USERNAME");
		}
	}

	static OpcUaEndpoint of(ChannelConfig channel) {
		var settings = channel.settings();
		String url = OpcUaChannel.text(settings, "endpointUrl");
		if (url == null) {
			throw new IllegalArgumentException("endpointUrl is required");
		}
		URI uri = URI.create(url.trim());
		if (!"opc.tcp".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
			throw new IllegalArgumentException("endpointUrl must be opc.tcp://host:port/path, was " + url);
		}
		String policyName = OpcUaChannel.text(settings, "securityPolicy");
		SecurityPolicy policy = switch ((policyName != null) ? policyName : "None") {
			case "None" -> SecurityPolicy.None;
			case "Basic256Sha256" -> SecurityPolicy.Basic256Sha256;
			case "Aes128_Sha256_RsaOaep" -> SecurityPolicy.Aes128_Sha256_RsaOaep;
			case "Aes256_Sha256_RsaPss" -> SecurityPolicy.Aes256_Sha256_RsaPss;
			default -> throw new IllegalArgumentException("securityPolicy must be None, Basic256Sha256, "
					+ "Aes128_Sha256_RsaOaep or Aes256_Sha256_RsaPss, was " + policyName);
		};
		String modeName = OpcUaChannel.text(settings, "securityMode");
		MessageSecurityMode mode = switch ((modeName != null) ? modeName
				: (policy == SecurityPolicy.None) ? "None" : "SignAndEncrypt") {
			case "None" -> MessageSecurityMode.None;
			case "Sign" -> MessageSecurityMode.Sign;
			case "SignAndEncrypt" -> MessageSecurityMode.SignAndEncrypt;
			default -> throw new IllegalArgumentException(
					"securityMode must be None, Sign or SignAndEncrypt, was " + modeName);
		};
		String authName = OpcUaChannel.text(settings, "authentication");
		Authentication authentication;
		try {
			authentication = (authName != null) ? Authentication.valueOf(authName.toUpperCase(Locale.ROOT))
					: Authentication.ANONYMOUS;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("authentication must be ANONYMOUS or USERNAME, was " + authName);
		}
		return new OpcUaEndpoint(url.trim(), policy, mode, authentication, OpcUaChannel.text(settings, "username"),
				OpcUaChannel.text(settings, "password"));
	}

	/**
	 * The identity for the session; the validator checks the server certificate the
	 * password is encrypted with (Milo's default would accept any).
	 */
	IdentityProvider identity(CertificateValidator validator) {
		return switch (this.authentication) {
			case ANONYMOUS -> AnonymousProvider.INSTANCE;
			case USERNAME ->
				new UsernameProvider(this.username, (this.password != null) ? this.password : "", validator);
		};
	}

	/** The key shown in the status API; never contains the password. */
	String key() {
		String key = this.url + "#" + this.policy.name() + "/" + this.mode.name();
		return (this.authentication == Authentication.USERNAME) ? key + "/" + this.username : key;
	}

	@Override
	public String toString() {
		return "OpcUaEndpoint[" + key() + "]";
	}

	/** How a session authenticates (OPC UA Part 4 §7.36). */
	enum Authentication {

		ANONYMOUS, USERNAME

	}

}
