package io.parx.common.discovery;

import java.util.LinkedHashMap;
import java.util.Map;

import io.parx.common.config.channel.OpcUaSettings.Authentication;
import io.parx.common.config.channel.OpcUaSettings.SecurityMode;
import io.parx.common.config.channel.OpcUaSettings.SecurityPolicy;

/**
 * The server a discovery request browses, in the fields of an OPC UA channel's settings
 * (common's {@code OpcUaSettings}): the same endpoint, security and identity, read with
 * the same contract.
 */
public interface OpcUaTarget {

	public String endpointUrl();

	SecurityPolicy securityPolicy();

	SecurityMode securityMode();

	Authentication authentication();

	public String username();

	public String password();

	/** The fields as channel settings, absent ones left out (the contract's defaults). */
	default Map<String, Object> connection() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("endpointUrl", endpointUrl());
		putIfPresent(settings, "securityPolicy", securityPolicy());
		putIfPresent(settings, "securityMode", securityMode());
		putIfPresent(settings, "authentication", authentication());
		putIfPresent(settings, "username", username());
		putIfPresent(settings, "password", password());
		return settings;
	}

	private static void putIfPresent(Map<String, Object> settings, String field, Object value) {
		if (value != null) {
			settings.put(field, (value instanceof Enum<?> constant) ? constant.name() : value);
		}
	}

}
