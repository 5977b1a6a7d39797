package io.parx.collector.failover;

import java.util.List;

/**
 * The collector group as this instance sees it (part of {@code GET
 * /api/v1/collector/status}).
 *
 * @param enabled whether the group's instances share its connections through leases
 * @param group the group: this collector's name
 * @param instance this instance's id
 * @param advertisedUrl where the admin-api reaches this instance, {@code null} when not
 * configured
 * @param held the device connections this instance holds, with their channels
 * @param groupConnections how many device connections the group's channels need
 * @param otherInstances the group's other live instances
 */
public record FailoverStatus(boolean enabled, String group, String instance, String advertisedUrl, List<Held> held,
		int groupConnections, List<Instance> otherInstances) {

	/**
	 * A connection held here.
	 *
	 * @param connection the device connection, named without secrets
	 * @param token the lease's fencing token (0 without failover)
	 * @param channels its channels' ids
	 * @param validForMs how much longer this instance may read it without another
	 * renewal; {@code null} without failover
	 */
	public record Held(String connection, long token, List<Long> channels, Long validForMs) {

	}

	/**
	 * Another live instance of the group.
	 *
	 * @param instance its id
	 * @param url its advertised URL, {@code null} when not configured
	 * @param connections how many connections it holds
	 * @param channels how many channels they serve
	 */
	public record Instance(String instance, String url, int connections, int channels) {

	}

}
