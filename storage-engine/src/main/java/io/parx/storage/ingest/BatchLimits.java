package io.parx.storage.ingest;

/**
 * When the batch in hand is committed and how many stream entries the next read may add,
 * so that memory holds at most {@code flushPoints} samples plus one entry, whatever the
 * size of the entries (a Modbus device's poll cycle can be thousands of samples).
 */
final class BatchLimits {

	private final IngestSettings settings;

	BatchLimits(IngestSettings settings) {
		this.settings = settings;
	}

	/**
	 * Entries to read next: what still fits under {@code flushPoints} at the size of the
	 * latest entries, at least one (so a full batch still makes progress), at most
	 * {@code readCount}.
	 */
	int entriesToRead(int buffered, int samplesPerEntry) {
		int room = Math.max(1, (this.settings.flushPoints() - buffered) / Math.max(1, samplesPerEntry));
		return Math.min(this.settings.readCount(), room);
	}

	/** Whether a batch of this many samples, this old, is due for its commit. */
	boolean full(int buffered, long ageNanos) {
		return buffered >= this.settings.flushPoints() || ageNanos >= this.settings.flushInterval().toNanos();
	}

}
