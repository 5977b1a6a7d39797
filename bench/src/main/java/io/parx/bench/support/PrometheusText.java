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

}
