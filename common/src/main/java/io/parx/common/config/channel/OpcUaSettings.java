package io.parx.common.config.channel;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.parx.common.config.DataType;
import io.parx.common.config.SettingsReader;

/**
 * An OPC UA variable, subscribed to through a monitored item.
 *
 * @param endpointUrl server endpoint, {@code opc.tcp://host:port/path}
 * @param nodeId the variable's node id
 * @param securityPolicy security policy of the secure channel (OPC UA Part 7 profiles)
 * @param securityMode message security mode (Part 4 §7.20); by default None under policy
 * None, else SignAndEncrypt
 * @param authentication anonymous or user name identity token (Part 4 §7.36)
 * @param username user name when {@code authentication} is USERNAME
 * @param password write-only password when {@code authentication} is USERNAME
 * @param samplingIntervalMs requested sampling interval of the monitored item (Part 4
 * §5.12.1.2), 0 = as fast as the server can, {@code null}: the channel's poll interval
 * @param deadband absolute data-change deadband (Part 4 §7.22.2), 0 = every change
 * @param write whether and how the channel may be written (Write service)
 */
public record OpcUaSettings(URI endpointUrl, NodeId nodeId, SecurityPolicy securityPolicy, SecurityMode securityMode,
		Authentication authentication, String username, String password, Integer samplingIntervalMs, double deadband,
		WriteAccess write) implements ChannelSettings {

	public OpcUaSettings {
		write = (write != null) ? write : WriteAccess.NONE;
		if (endpointUrl == null || nodeId == null || securityPolicy == null || securityMode == null
				|| authentication == null) {
			throw new IllegalArgumentException("endpointUrl, nodeId, security and authentication are required");
		}
		if ((securityPolicy == SecurityPolicy.None) != (securityMode == SecurityMode.None)) {
			throw new IllegalArgumentException("securityMode must be None exactly when securityPolicy is None");
		}
		if (authentication == Authentication.USERNAME && (username == null || password == null)) {
			throw new IllegalArgumentException("USERNAME authentication needs a username and a password");
		}
		if (samplingIntervalMs != null && (samplingIntervalMs < 0 || samplingIntervalMs > MAX_SAMPLING_MS)) {
			throw new IllegalArgumentException("samplingIntervalMs must be between 0 and " + MAX_SAMPLING_MS);
		}
		if (!(deadband >= 0) || Double.isInfinite(deadband)) {
			throw new IllegalArgumentException("deadband must be a finite number, 0 or more");
		}
	}

	/** Settings of a channel that is only read. */
	public OpcUaSettings(URI endpointUrl, NodeId nodeId, SecurityPolicy securityPolicy, SecurityMode securityMode,
			Authentication authentication, String username, String password, Integer samplingIntervalMs,
			double deadband) {
		this(endpointUrl, nodeId, securityPolicy, securityMode, authentication, username, password, samplingIntervalMs,
				deadband, WriteAccess.NONE);
	}

	/** Longest sampling interval a channel may ask for: one hour. */
	public static final int MAX_SAMPLING_MS = 3_600_000;

	/**
	 * Reads a stored document.
	 * @throws io.parx.common.config.InvalidSettingsException naming every bad field
	 */
	public static OpcUaSettings fromJson(Map<String, ?> json) {
		return (OpcUaSettings) ChannelSettings.fromJson(Protocol.OPCUA, DataType.FLOAT64, json);
	}

	@Override
	public Protocol protocol() {
		return Protocol.OPCUA;
	}

	@Override
	public String device() {
		return this.endpointUrl.toString();
	}

	@Override
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("endpointUrl", this.endpointUrl.toString());
		map.put("nodeId", this.nodeId.toString());
		map.put("securityPolicy", this.securityPolicy.name());
		map.put("securityMode", this.securityMode.name());
		map.put("authentication", this.authentication.name());
		if (this.authentication == Authentication.USERNAME) {
			map.put("username", this.username);
			map.put("password", this.password);
		}
		if (this.samplingIntervalMs != null) {
			map.put("samplingIntervalMs", this.samplingIntervalMs);
		}
		map.put("deadband", this.deadband);
		this.write.putInto(map);
		return map;
	}

	@Override
	public String toString() {
		return "OpcUaSettings[" + this.endpointUrl + ", " + this.nodeId + ", password=******]";
	}

	static OpcUaSettings read(SettingsReader f, DataType dataType) {
		URI endpoint = null;
		String url = f.string("endpointUrl", true, 2000);
		if (url != null) {
			endpoint = endpoint(f, url);
		}
		NodeId nodeId = null;
		String node = f.string("nodeId", true, 4200);
		if (node != null) {
			nodeId = f.guard("nodeId", () -> NodeId.parse(node));
		}
		SecurityPolicy policy = f.choice("securityPolicy", SecurityPolicy.class, SecurityPolicy.None);
		// a secured policy without a mode signs and encrypts: the safe reading of "secure
		// me"
		SecurityMode mode = f.choice("securityMode", SecurityMode.class,
				(policy == null || policy == SecurityPolicy.None) ? SecurityMode.None : SecurityMode.SignAndEncrypt);
		if (policy != null && mode != null && (policy == SecurityPolicy.None) != (mode == SecurityMode.None)) {
			f.reject("securityMode", "must be None exactly when securityPolicy is None");
			mode = null;
		}
		Authentication authentication = f.choice("authentication", Authentication.class, Authentication.ANONYMOUS);
		String username = null;
		String password = null;
		if (authentication == Authentication.USERNAME) {
			username = f.string("username", true, 200);
			password = f.string("password", false, 1000);
			if (password == null) {
				f.reject("password", "is required for USERNAME authentication");
			}
		}
		else if (authentication == Authentication.ANONYMOUS) {
			if (f.has("username")) {
				f.reject("username", "applies only to USERNAME authentication");
			}
			f.rawIncludingEmpty("password");
		}
		Integer sampling = f.optionalInteger("samplingIntervalMs", 0, MAX_SAMPLING_MS);
		Double deadband = f.number("deadband", 0.0, 0, Double.MAX_VALUE);
		WriteAccess write = WriteAccess.read(f, dataType, null);
		if (endpoint == null || nodeId == null || policy == null || mode == null || authentication == null
				|| (authentication == Authentication.USERNAME && (username == null || password == null))
				|| (f.has("samplingIntervalMs") && sampling == null) || deadband == null || write == null) {
			return null;
		}
		return new OpcUaSettings(endpoint, nodeId, policy, mode, authentication, username, password, sampling, deadband,
				write);
	}

	private static URI endpoint(SettingsReader f, String url) {
		try {
			URI uri = new URI(url.strip());
			if (!"opc.tcp".equals(uri.getScheme()) || uri.getHost() == null) {
				f.reject("endpointUrl", "must be an opc.tcp://host:port URL");
				return null;
			}
			return uri;
		}
		catch (java.net.URISyntaxException ex) {
			f.reject("endpointUrl", "must be an opc.tcp://host:port URL");
			return null;
		}
	}

	/**
	 * Security policies of the supported OPC UA security profiles; names as on the wire.
	 */
	public enum SecurityPolicy {

		None, Basic256Sha256, Aes128_Sha256_RsaOaep, Aes256_Sha256_RsaPss

	}

	/** MessageSecurityMode (Part 4 §7.20); names as on the wire. */
	public enum SecurityMode {

		None, Sign, SignAndEncrypt

	}

	public enum Authentication {

		ANONYMOUS, USERNAME

	}

}
