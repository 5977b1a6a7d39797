package io.parx.collector.engine;

/**
 * The outcome of a write (issue #19): the value read just before, the write itself and
 * the value read back after it.
 *
 * @param before the read before the write, or {@code null} when the protocol does not
 * read on demand (MQTT)
 * @param written the write: the value sent with a good quality, or the reason it was not
 * taken
 * @param after the read after a good write, or {@code null} (a failed write, or MQTT)
 */
public record WriteOutcome(ReadResult before, ReadResult written, ReadResult after) {

	/** A write that was not sent or not taken: nothing read. */
	public static WriteOutcome failed(ReadResult written) {
		return new WriteOutcome(null, written, null);
	}

}
