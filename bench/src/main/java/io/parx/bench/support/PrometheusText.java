package io.parx.bench.support;

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
		double total = 0;
		boolean found = false;
		for (String line : page.split("\n")) {
			if (line.startsWith(metric) && line.length() > metric.length()
					&& (line.charAt(metric.length()) == '{' || line.charAt(metric.length()) == ' ')) {
				total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				found = true;
			}
		}
		return found ? total : Double.NaN;
	}

}
