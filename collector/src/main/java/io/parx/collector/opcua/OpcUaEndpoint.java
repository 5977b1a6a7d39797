package io.parx.collector.opcua;

import java.util.LinkedHashMap;
import java.util.Map;

import io.parx.collector.engine.ChannelConfig;
import io.parx.common.config.channel.OpcUaSettings.Authentication;
import io.parx.common.config.channel.OpcUaSettings;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

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
public record OpcUaEndpoint(String url, SecurityPolicy policy, MessageSecurityMode mode, Authentication authentication,
		String username, String password) {

	public OpcUaEndpoint {
		if ((policy == SecurityPolicy.None) != (mode == MessageSecurityMode.None)) {
			throw new IllegalArgumentException(
					"securityPolicy None requires securityMode None and the other policies Sign or SignAndEncrypt");
		}
		if (authentication == Authentication.USERNAME && username == null) {
			throw new IllegalArgumentException("username is required for authentication USERNAME");
		}
	}

	/**
	 * Reads the channel's settings with the contract the admin-api writes them with.
	 * @throws IllegalArgumentException naming every bad field
	 */
	static OpcUaEndpoint of(ChannelConfig channel) {
		// the contract's policy and mode names are those of OPC UA, as are Milo's
		return of(OpcUaSettings.fromJson(channel.settingsMap()));
	}

	/**
	 * Reads the connection fields of OPC UA channel settings ({@code endpointUrl},
	 * {@code securityPolicy}, {@code securityMode}, {@code authentication},
	 * {@code username}, {@code password}) with the channel contract, for a session that
	 * is not a channel's (discovery); a {@code nodeId} is not needed.
	 * @throws io.parx.common.config.InvalidSettingsException naming every bad field
	 */
	public static OpcUaEndpoint of(Map<String, ?> connection) {
		Map<String, Object> settings = new LinkedHashMap<>(connection);
		// the contract requires a node; the Objects folder stands in (Part 5 §8.2.4)
		settings.putIfAbsent("nodeId", "i=85");
		return of(OpcUaSettings.fromJson(settings));
	}

	private static OpcUaEndpoint of(OpcUaSettings settings) {
		return new OpcUaEndpoint(settings.endpointUrl().toString(),
				SecurityPolicy.valueOf(settings.securityPolicy().name()),
				MessageSecurityMode.valueOf(settings.securityMode().name()), settings.authentication(),
				settings.username(), settings.password());
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
	public String key() {
		String key = this.url + "#" + this.policy.name() + "/" + this.mode.name();
		return (this.authentication == Authentication.USERNAME) ? key + "/" + this.username : key;
	}

	@Override
	public String toString() {
		return "OpcUaEndpoint[" + key() + "]";
	}

}
