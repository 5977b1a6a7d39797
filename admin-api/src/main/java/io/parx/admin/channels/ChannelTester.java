package io.parx.admin.channels;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.parx.common.sample.Quality;

/**
 * Asks the collector to read a channel once, live ({@code POST /api/v1/collector/test}),
 * forwarding the caller's token. The device's own failure (connection refused, Modbus
 * exception, OPC UA status, no message on the topic) comes back in {@code error} with a
 * bad quality; a collector that cannot be reached is a 503, a collector that answers
 * nonsense a 502 ({@link CollectorClient}). It goes to the collector instance that runs
 * the channel ({@link CollectorRoutes}).
 */
@Component
class ChannelTester {

	private final CollectorClient collector;

	private final Function<Channel, URI> routes;

	@Autowired
	ChannelTester(CollectorClient collector, CollectorRoutes routes) {
		this(collector, routes::baseUrl);
	}

	/**
	 * @param routes the base URL of the collector instance that runs a channel
	 */
	ChannelTester(CollectorClient collector, Function<Channel, URI> routes) {
		this.collector = collector;
		this.routes = routes;
	}

	Map<String, Object> test(Channel channel, String authorization) {
		long start = System.nanoTime();
		Map<String, Object> answer = this.collector.post(this.routes.apply(channel), "/api/v1/collector/test",
				Map.of("channel", channel.toCollectorView(), "timeoutMs", this.collector.deviceTimeoutMs()),
				authorization, CollectorClient.Relay.NONE);
		long latencyMs = (System.nanoTime() - start) / 1_000_000;
		return result(answer, latencyMs);
	}

	static Map<String, Object> result(Map<String, Object> answer, long roundTripMs) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("value", answer.get("value"));
		int quality = (answer.get("quality") instanceof Number n) ? n.intValue()
				: (answer.get("error") != null) ? Quality.BAD : Quality.GOOD;
		result.put("quality", Integer.toUnsignedLong(quality));
		result.put("qualityName", (answer.get("qualityName") instanceof String s) ? s : Quality.name(quality));
		result.put("latencyMs", (answer.get("latencyMs") instanceof Number n) ? n.longValue() : roundTripMs);
		result.put("error", answer.get("error"));
		return result;
	}

}
