package io.parx.bench.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads values out of a {@code /actuator/prometheus} page (Prometheus text format), so
 * scenarios can use the services' own counters instead of querying their databases.
 */
public final class PrometheusText {

	private PrometheusText() {
	}

	/**
	 * The sum of every series of {@code metric} (all label sets), or NaN when the page
	 * has none, e.g. {@code sum(page, "parx_storage_points_written_total")}.
	 */
	public static double sum(String page, String metric) {
		return sum(page, metric, "");
	}

	/**
	 * The sum of the series of {@code metric} whose labels contain {@code label}, e.g.
	 * {@code sum(page, "jvm_memory_used_bytes", "area=\"heap\"")}; NaN when there is
	 * none.
	 */
	public static double sum(String page, String metric, String label) {
		double total = 0;
		boolean found = false;
		for (String line : page.split("\n")) {
			if (line.startsWith(metric) && line.length() > metric.length()
					&& (line.charAt(metric.length()) == '{' || line.charAt(metric.length()) == ' ')) {
				String labels = line.substring(metric.length(), line.lastIndexOf(' '));
				if (labels.contains(label)) {
					total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
					found = true;
				}
			}
		}
		return found ? total : Double.NaN;
	}

	/**
	 * A quantile of a Micrometer timer with published percentiles, in the page's unit
	 * (seconds), e.g.
	 * {@code quantile(page, "parx_router_delivery_latency_seconds", "0.99")}; NaN when
	 * the page has none.
	 */
	public static double quantile(String page, String timer, String quantile) {
		Matcher matcher = Pattern
			.compile(Pattern.quote(timer) + "\\{[^}]*quantile=\"" + Pattern.quote(quantile) + "\"[^}]*} ([0-9.eE+-]+)")
			.matcher(page);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
	}

}
