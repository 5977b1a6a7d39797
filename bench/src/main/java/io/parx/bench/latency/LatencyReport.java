package io.parx.bench.latency;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.parx.bench.router.BenchClient;
import io.parx.bench.router.LatencyHistogram;
import io.parx.bench.router.SampleWindow;
import io.parx.bench.support.Bench;

/**
 * The outcome of one device-to-browser run: readable lines, then the one {@code BENCH
 * {json}} summary line scripts collect.
 *
 * @param plant the gateways and tags
 * @param rate records per gateway and second
 * @param clients dashboards
 * @param perClient channels per dashboard
 * @param seconds length of the measurement window
 * @param counters what the dashboards counted (the window inside)
 * @param expected samples the dashboards should have received from the window
 * @param tap the window as seen on Redis's live channel
 * @param produced samples the devices produced in the window
 * @param stored rows of the window in the time-series database
 * @param failedPublishes device publishes the broker did not accept
 * @param routerMetrics the router's Prometheus scrape
 * @param collectorMetrics the collector's Prometheus scrape
 * @param cpuPercent CPU per process over the window, percent of one core
 * @param loadStart load average at the start of the window
 * @param loadEnd load average at its end
 */
record LatencyReport(GatewayPlant plant, int rate, int clients, int perClient, double seconds,
		BenchClient.Counters counters, long expected, SampleWindow tap, long produced, long stored,
		long failedPublishes, String routerMetrics, String collectorMetrics, Map<String, Double> cpuPercent,
		String loadStart, String loadEnd) {

	private static final String ROUTER_TIMER = "parx_router_delivery_latency_seconds";

	private static final String COLLECTOR_TIMER = "parx_collector_publish_latency_seconds";

	long received() {
		return this.counters.window().samples();
	}

	long lost() {
		return this.expected - received();
	}

	/** Nothing lost on any path, nothing delivered that was not asked for. */
	boolean passed() {
		return lost() == 0 && this.counters.unexpected().sum() == 0 && this.stored == this.produced
				&& this.tap.samples() == this.produced && this.failedPublishes == 0;
	}

	void print() {
		LatencyHistogram browser = this.counters.window().latencies();
		LatencyHistogram redis = this.tap.latencies();
		System.out.printf(Locale.ROOT, "window %.1f s: devices produced %d samples (%d per second)%n", this.seconds,
				this.produced, Math.round(this.produced / this.seconds));
		System.out.printf(Locale.ROOT,
				"dashboards received %d of %d expected samples (lost %d: not arrived by the end of the drain);"
						+ " samples of channels not subscribed %d; device publishes refused %d%n",
				received(), this.expected, lost(), this.counters.unexpected().sum(), this.failedPublishes);
		System.out.printf(Locale.ROOT,
				"latency ms, device change -> dashboard receipt: p50 %.1f  p95 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
				browser.percentile(0.5), browser.percentile(0.95), browser.percentile(0.99), browser.percentile(0.999),
				browser.percentile(1.0));
		System.out.printf(Locale.ROOT,
				"  device -> Redis live (tap, %d of %d samples): p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
				this.tap.samples(), this.produced, redis.percentile(0.5), redis.percentile(0.95),
				redis.percentile(0.99), redis.percentile(1.0));
		System.out.printf(Locale.ROOT,
				"  inside the collector (batch handed over -> Redis reply, recent window): p50 %s  p95 %s  p99 %s%n",
				collector("0.5"), collector("0.95"), collector("0.99"));
		System.out.printf(Locale.ROOT,
				"  inside the router (Redis arrival -> frame sent, recent window): p50 %s  p95 %s  p99 %s%n",
				router("0.5"), router("0.95"), router("0.99"));
		System.out.printf(Locale.ROOT, "stored %d of %d samples of the window%n", this.stored, this.produced);
		System.out.printf(Locale.ROOT, "CPU %% of one core: %s (mosquitto and redis: all their users)%n",
				this.cpuPercent.entrySet()
					.stream()
					.map((entry) -> entry.getKey() + " " + Bench.json(entry.getValue()))
					.collect(Collectors.joining(", ")));
		System.out.printf("load average: window start %s, end %s%n", this.loadStart, this.loadEnd);
		System.out.println("BENCH " + json());
		if (!passed()) {
			System.out.println("FAILED: samples were lost, refused or misdelivered (see above)");
		}
	}

	private String json() {
		LatencyHistogram browser = this.counters.window().latencies();
		LatencyHistogram redis = this.tap.latencies();
		String cpu = this.cpuPercent.entrySet()
			.stream()
			.map((entry) -> "\"" + entry.getKey() + "\":" + Bench.json(entry.getValue()))
			.collect(Collectors.joining(",", "{", "}"));
		return String.format(Locale.ROOT,
				"{\"scenario\":\"device-to-browser\",\"payload\":\"%s\",\"gateways\":%d,\"tags\":%d,\"rateHz\":%d,\"pointsPerSecond\":%d,"
						+ "\"clients\":%d,\"perClient\":%d,\"windowSeconds\":%s,\"produced\":%d,\"expected\":%d,"
						+ "\"received\":%d,\"lost\":%d,\"unexpected\":%d,\"stored\":%d,"
						+ "\"p50Ms\":%s,\"p95Ms\":%s,\"p99Ms\":%s,\"p999Ms\":%s,\"maxMs\":%s,"
						+ "\"deviceToRedisP50Ms\":%s,\"deviceToRedisP95Ms\":%s,\"deviceToRedisP99Ms\":%s,"
						+ "\"deviceToRedisMaxMs\":%s,\"collectorP50Ms\":%s,\"collectorP99Ms\":%s,"
						+ "\"routerP50Ms\":%s,\"routerP95Ms\":%s,\"routerP99Ms\":%s,\"cpuPercent\":%s,"
						+ "\"loadStart\":\"%s\",\"loadEnd\":\"%s\"}",
				this.plant.perTag() ? "tag" : "record", this.plant.gateways(), this.plant.tags(), this.rate,
				this.plant.channels() * this.rate, this.clients, this.perClient, Bench.json(this.seconds),
				this.produced, this.expected, received(), lost(), this.counters.unexpected().sum(), this.stored,
				Bench.json(browser.percentile(0.5)), Bench.json(browser.percentile(0.95)),
				Bench.json(browser.percentile(0.99)), Bench.json(browser.percentile(0.999)),
				Bench.json(browser.percentile(1.0)), Bench.json(redis.percentile(0.5)),
				Bench.json(redis.percentile(0.95)), Bench.json(redis.percentile(0.99)),
				Bench.json(redis.percentile(1.0)), collector("0.5"), collector("0.99"), router("0.5"), router("0.95"),
				router("0.99"), cpu, this.loadStart, this.loadEnd);
	}

	private String router(String quantile) {
		return Bench.json(ProcessMetrics.quantileMillis(this.routerMetrics, ROUTER_TIMER, quantile));
	}

	private String collector(String quantile) {
		return Bench.json(ProcessMetrics.quantileMillis(this.collectorMetrics, COLLECTOR_TIMER, quantile));
	}

}
