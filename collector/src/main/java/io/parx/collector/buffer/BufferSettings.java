package io.parx.collector.buffer;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The store-and-forward disk buffer ({@code parx.collector.buffer}).
 *
 * @param directory where segment files live, {@code PARX_DATA_DIR/buffer}
 * @param maxSize upper bound of all segments together; beyond it the oldest segment is
 * dropped
 * @param maxAge segments whose newest record is older than this are dropped
 * @param segmentSize a segment is closed and a new one started past this size
 * @param fsync when appended records are forced to the disk
 * @param fsyncInterval how often {@link Fsync#INTERVAL} forces the current segment
 */
@ConfigurationProperties("parx.collector.buffer")
public record BufferSettings(@DefaultValue("./data/buffer") Path directory, @DefaultValue("1GB") DataSize maxSize,
		@DefaultValue("7d") Duration maxAge, @DefaultValue("16MB") DataSize segmentSize,
		@DefaultValue("INTERVAL") Fsync fsync, @DefaultValue("1s") Duration fsyncInterval) {

	public BufferSettings {
		if (maxSize.toBytes() < segmentSize.toBytes()) {
			throw new IllegalArgumentException("buffer maxSize must be at least one segmentSize");
		}
		if (segmentSize.toBytes() < 4096) {
			throw new IllegalArgumentException("buffer segmentSize must be at least 4KB");
		}
	}

	/**
	 * When records reach the disk. A SIGKILL loses nothing in any mode (the page cache
	 * survives the process); the mode matters for power loss.
	 */
	public enum Fsync {

		/** Force after every record: safest, slowest. */
		ALWAYS,
		/** Force at most every {@code fsyncInterval}. */
		INTERVAL,
		/** Leave it to the operating system. */
		NEVER

	}

}
