package io.parx.collector.failover;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import io.parx.common.collector.CollectorInstance;

/**
 * Where a collector group's leases live (Redis, {@link RedisLeaseStore}). Every call may
 * throw a {@link RuntimeException} when the store does not answer.
 */
interface LeaseStore {

	/**
	 * Takes the lease on a free connection.
	 * @return its fencing token (higher than every earlier one of the group), or empty
	 * when another instance holds it
	 */
	OptionalLong acquire(String connection, String instance, Duration ttl);

	/**
	 * Extends the leases this instance still holds with these tokens.
	 * @return the connections whose lease was extended; the others were lost (expired or
	 * held by another instance)
	 */
	Set<String> renew(Map<String, Long> tokens, String instance, Duration ttl);

	/** Gives a lease up, if this instance still holds it with this token. */
	void release(String connection, String instance, long token);

	/** The instance holding each connection, {@code null} for a free one. */
	Map<String, String> holders(Collection<String> connections);

	/** Writes this instance's record, to live {@code ttl}. */
	void register(CollectorInstance record, Duration ttl);

	/** Removes this instance's record: it is gone (a clean shutdown). */
	void unregister(String instance);

	/** The records of the group's live instances. */
	List<CollectorInstance> instances(String group);

}
