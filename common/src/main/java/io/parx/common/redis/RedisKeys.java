package io.parx.common.redis;

/**
 * The Redis names every service agrees on (docs/CONTRACTS.md, "Redis"), all under one
 * prefix ({@code PARX_REDIS_PREFIX}, default {@code parx:}) so that several installations
 * or test runs can share one Redis.
 *
 * @param prefix prepended to every key and channel name
 */
public record RedisKeys(String prefix) {

	public static final String DEFAULT_PREFIX = "parx:";

	/** Consumer group of the storage engine on the sample stream. */
	public static final String STORAGE_GROUP = "storage";

	/** Stream field that carries the encoded batch. */
	public static final String BATCH_FIELD = "b";

	public RedisKeys {
		if (prefix == null || prefix.isBlank() || prefix.chars().anyMatch(Character::isWhitespace)) {
			throw new IllegalArgumentException(
					"Redis prefix must be non-empty without whitespace, was '" + prefix + "'");
		}
	}

	public static RedisKeys withDefaultPrefix() {
		return new RedisKeys(DEFAULT_PREFIX);
	}

	/** Stream of durable sample batches, one entry per batch. */
	public String samples() {
		return this.prefix + "samples";
	}

	/** Stream where the storage engine parks entries that keep failing. */
	public String samplesQuarantine() {
		return this.prefix + "samples:quarantine";
	}

	/**
	 * The storage engines' ingest lease: {@code <instance> <nonce>} of the one consuming
	 * the sample stream, with a TTL (issue 21).
	 */
	public String storageLease() {
		return this.prefix + "storage:lease";
	}

	/**
	 * List of alarm commands (acknowledge, shelve) that a standby storage engine hands to
	 * the one holding the ingest lease.
	 */
	public String storageAlarmCommands() {
		return this.prefix + "storage:alarm-commands";
	}

	/** List where the answer to one forwarded alarm command is pushed. */
	public String storageAlarmReply(String commandId) {
		return this.prefix + "storage:alarm-reply:" + commandId;
	}

	/** Pub/sub channel of the same batches for the live view. */
	public String live() {
		return this.prefix + "live";
	}

	/** Hash channelId to the last known sample. */
	public String latest() {
		return this.prefix + "latest";
	}

	/** Pub/sub channel of configuration changes. */
	public String config() {
		return this.prefix + "config";
	}

	/**
	 * Pub/sub channel of alarm transitions, one {@link io.parx.common.alarm.AlarmChanged}
	 * each.
	 */
	public String alarms() {
		return this.prefix + "alarms";
	}

	/**
	 * Hash definition id to its {@link io.parx.common.alarm.ActiveAlarm}: the
	 * active-alarm list.
	 */
	public String activeAlarms() {
		return this.prefix + "alarms:active";
	}

	/**
	 * The last batch sequence the sample stream accepted from a collector (exactly-once
	 * resend): per name, or per instance of a failover group, whose instances each count
	 * their own sequences.
	 */
	public String collectorSequence(String collector, String instance) {
		return this.prefix + "collector:" + collector + ((instance != null) ? ":" + instance : "") + ":seq";
	}

	/**
	 * String (with a TTL): the lease on one device connection of a collector group, value
	 * {@code <instance> <fencing token>} (issue #21).
	 */
	public String collectorLease(String group, String connection) {
		return this.prefix + "collector:" + group + ":lease:" + connection;
	}

	/** Counter that numbers a collector group's lease acquisitions (fencing tokens). */
	public String collectorFence(String group) {
		return this.prefix + "collector:" + group + ":fence";
	}

	/** Set of the instance ids of a collector group that wrote an instance record. */
	public String collectorInstances(String group) {
		return this.prefix + "collector:" + group + ":instances";
	}

	/**
	 * String (with a TTL): one instance's
	 * {@link io.parx.common.collector.CollectorInstance} JSON.
	 */
	public String collectorInstance(String group, String instance) {
		return this.prefix + "collector:" + group + ":instance:" + instance;
	}

}
