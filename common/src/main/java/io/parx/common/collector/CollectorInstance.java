package io.parx.common.collector;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one collector instance of a group holds (issue #21), as it writes it to
 * {@code <prefix>collector:<group>:instance:<instance>} with every lease renewal
 * (docs/CONTRACTS.md, "Redis"): the admin-api reads it to send a channel's test-read and
 * writes to the instance that runs the channel, and the instances read each other's to
 * share the group's connections fairly.
 *
 * <p>
 * Wire form (JSON):
 * {@code {"group":"default","instance":"col-a","url":"http://col-a:3002",
 * "connections":[{"name":"modbus://plc1:502/1","token":17,"channels":[4,5]}],
 * "updated":"2026-12-06T20:00:00Z"}}.
 *
 * @param group the collector group ({@code PARX_COLLECTOR_NAME}): the channels'
 * {@code collector}, {@code default} for unassigned ones
 * @param instance this instance's id ({@code PARX_COLLECTOR_INSTANCE}), unique in the
 * group
 * @param url where the instance's HTTP API is reached
 * ({@code PARX_COLLECTOR_ADVERTISED_URL}), {@code null} when not configured (callers then
 * use {@code PARX_COLLECTOR_URL})
 * @param connections the device connections it holds, each with its channels
 * @param updated when the record was written
 */
public record CollectorInstance(String group, String instance, String url, List<HeldConnection> connections,
		Instant updated) {

	/** The group of channels without a {@code collector}: the collector named so. */
	public static final String DEFAULT_GROUP = "default";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public CollectorInstance {
		Objects.requireNonNull(group, "group");
		Objects.requireNonNull(instance, "instance");
		connections = (connections != null) ? List.copyOf(connections) : List.of();
	}

	/**
	 * The group a channel belongs to: its {@code collector}, or {@value #DEFAULT_GROUP}.
	 */
	public static String groupOf(String collector) {
		return (collector == null || collector.isBlank()) ? DEFAULT_GROUP : collector;
	}

	/** Whether one of its connections serves the channel. */
	public boolean runs(long channelId) {
		return this.connections.stream().anyMatch((connection) -> connection.channels().contains(channelId));
	}

	public String toJson() {
		return JSON.writeValueAsString(this);
	}

	/**
	 * @throws IllegalArgumentException when the text is not an instance record
	 */
	public static CollectorInstance fromJson(String json) {
		try {
			CollectorInstance value = JSON.readValue(json, CollectorInstance.class);
			if (value == null) {
				throw new IllegalArgumentException("not a collector instance: null");
			}
			return value;
		}
		catch (JacksonException | NullPointerException ex) {
			throw new IllegalArgumentException("not a collector instance: " + ex.getMessage(), ex);
		}
	}

	/**
	 * One device connection (a Modbus device, an OPC UA endpoint, an MQTT broker
	 * connection; a simulator channel) and the lease it is held by.
	 *
	 * @param name the connection, named without secrets (e.g.
	 * {@code modbus://plc1:502/1})
	 * @param token the lease's fencing token: a number of the group's counter, higher for
	 * every acquisition, so a later holder always has a higher one
	 * @param channels the ids of the channels it serves
	 */
	public record HeldConnection(String name, long token, List<Long> channels) {

		public HeldConnection {
			Objects.requireNonNull(name, "name");
			channels = (channels != null) ? List.copyOf(channels) : List.of();
		}

	}

}
