package io.parx.collector.mqtt;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.model.MetricDataTypeMap;

/**
 * What the engine knows of one edge node from its births (Sparkplug 3.0 §6.4): whether it
 * is online, the sequence number it must send next, the {@code bdSeq} that pairs its
 * death with its birth, and per device (and for the node itself) the metric names behind
 * the aliases and the data types. Used on the intake thread only.
 */
final class SparkplugNode {

	/** The key of the edge node's own metrics among the devices. */
	private static final String NODE = "";

	/** Messages carry {@code seq} 0 to 255, then 0 again (§6.4.13). */
	private static final int SEQ_MODULUS = 256;

	/** The next sequence number, or -1 while no birth is known. */
	private long expectedSeq = -1;

	private Long bdSeq;

	/**
	 * The births of the node ({@link #NODE}) and of its devices since the last NBIRTH.
	 */
	private final Map<String, Birth> births = new HashMap<>();

	/** When a rebirth was last requested ({@link System#nanoTime()}), 0 for never. */
	private long rebirthRequestedAt;

	/** The names and types a birth declared, by alias and by name. */
	static final class Birth {

		private final Map<Long, String> names = new HashMap<>();

		private final MetricDataTypeMap types = new MetricDataTypeMap();

		void add(Metric metric) {
			if (metric.getName() == null) {
				return;
			}
			if (metric.hasAlias()) {
				this.names.put(metric.getAlias(), metric.getName());
				this.types.addMetricDataType(metric.getAlias(), metric.getDataType());
			}
			this.types.addMetricDataType(metric.getName(), metric.getDataType());
		}

		/** The metric's name: its own, or the one its birth gave its alias. */
		String name(Metric metric) {
			if (metric.getName() != null) {
				return metric.getName();
			}
			return metric.hasAlias() ? this.names.get(metric.getAlias()) : null;
		}

		MetricDataTypeMap types() {
			return this.types;
		}

		boolean declares(String name) {
			return this.types.getMetricDataType(name) != null;
		}

	}

	boolean online() {
		return this.expectedSeq >= 0;
	}

	/**
	 * An NBIRTH: forgets every device (they send their DBIRTH after it) and starts the
	 * sequence anew.
	 */
	Birth born(long seq, Long bdSeq) {
		this.births.clear();
		this.bdSeq = bdSeq;
		this.expectedSeq = next(seq);
		this.rebirthRequestedAt = 0;
		Birth birth = new Birth();
		this.births.put(NODE, birth);
		return birth;
	}

	/** A DBIRTH, after {@link #accept} took its sequence number. */
	Birth deviceBorn(String deviceId) {
		Birth birth = new Birth();
		this.births.put(deviceId, birth);
		return birth;
	}

	/** A DDEATH. */
	void deviceDied(String deviceId) {
		this.births.remove(deviceId);
	}

	/**
	 * An NDEATH: whether it ends the current session of the node. A death whose
	 * {@code bdSeq} is not the one of the current birth is the late Will of an earlier
	 * session and is ignored (§6.4.2).
	 */
	boolean died(Long deathBdSeq) {
		if (this.bdSeq != null && deathBdSeq != null && !this.bdSeq.equals(deathBdSeq)) {
			return false;
		}
		forget();
		return true;
	}

	/** Forgets the births: data is ignored until the node is born again. */
	void forget() {
		this.births.clear();
		this.expectedSeq = -1;
	}

	/**
	 * Takes the sequence number of a message after the NBIRTH.
	 * @return {@code null} when it is the expected one, else the expected one (a gap:
	 * messages were lost, the node's state is no longer known)
	 */
	Long accept(Long seq) {
		if (seq == null) {
			return null;
		}
		long expected = this.expectedSeq;
		this.expectedSeq = next(seq);
		return (seq == expected) ? null : expected;
	}

	/** The birth of the node ({@code deviceId} {@code null}) or of a device, if known. */
	Birth birth(String deviceId) {
		return this.births.get((deviceId != null) ? deviceId : NODE);
	}

	/**
	 * Whether to send a rebirth request now: not again within {@code holdOffNanos} of the
	 * last one, so a node that sends data before it answers is not flooded with requests.
	 */
	boolean shouldRequestRebirth(long now, long holdOffNanos) {
		if (this.rebirthRequestedAt != 0 && now - this.rebirthRequestedAt < holdOffNanos) {
			return false;
		}
		this.rebirthRequestedAt = (now != 0) ? now : 1;
		return true;
	}

	private static long next(long seq) {
		return (seq + 1) % SEQ_MODULUS;
	}

}
