package io.parx.admin.discovery;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.parx.admin.channels.CollectorClient;

/**
 * Forwards a discovery request, checked here, to the collector's
 * {@code /api/v1/collector/discovery/<kind>} with the caller's token, and answers the
 * collector's result or its problem as it is (a server that cannot be reached, a timeout,
 * a busy discovery queue, a field the server refused); a collector that cannot be reached
 * is 503 {@code /problems/collector-unavailable}. The time limit sent is at most what the
 * admin-api waits for the collector, so a slow server comes back as its own reason rather
 * than as an unreachable collector. Every kind of discovery goes through here: a new one
 * is a path and a checked body.
 */
@Component
class DiscoveryForwarder {

	private final CollectorClient collector;

	DiscoveryForwarder(CollectorClient collector) {
		this.collector = collector;
	}

	/**
	 * @param kind the collector's discovery path below {@code discovery/}, e.g.
	 * {@code opcua/browse}
	 * @param body the checked request; its {@code timeoutMs} is capped
	 * @param authorization the caller's {@code Authorization} header
	 */
	Map<String, Object> forward(String kind, Map<String, Object> body, String authorization) {
		Map<String, Object> sent = new LinkedHashMap<>(body);
		// the collector answers a discovery by its limit and half a second more; the rest
		// of the admin-api's wait is for the two hops and a collector under load
		long most = Math.max(1000, this.collector.deviceTimeoutMs() - 1000);
		Object asked = sent.get("timeoutMs");
		sent.put("timeoutMs", (asked instanceof Number n) ? Math.min(n.longValue(), most) : most);
		return this.collector.post("/api/v1/collector/discovery/" + kind, sent, authorization,
				CollectorClient.Relay.DEVICE_PROBLEMS);
	}

	/**
	 * Forwards a discovery that listens or reads for a time the request sets (MQTT
	 * topics, Sparkplug B, Modbus registers) as it is: the collector checks its fields
	 * and bounds its time (at most 30 s of listening plus connecting), and the admin-api
	 * waits {@code parx.collector.discovery-timeout} for it.
	 * @param kind the collector's discovery path below {@code discovery/}
	 */
	Map<String, Object> forwardAsIs(String kind, Map<String, Object> body, String authorization) {
		return this.collector.postWaiting("/api/v1/collector/discovery/" + kind, body, authorization);
	}

}
