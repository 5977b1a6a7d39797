package io.parx.collector.buffer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The disk buffer's read position (segment number and offset), checkpointed in the file
 * {@code cursor} of the buffer directory so that a restart does not resend much.
 */
final class BufferCursor {

	private static final Logger logger = LoggerFactory.getLogger(BufferCursor.class);

	private final Path file;

	private final Path tmp;

	BufferCursor(Path directory) {
		this.file = directory.resolve("cursor");
		this.tmp = directory.resolve("cursor.tmp");
	}

	/** The saved position; segment 0 (before every segment) when there is none. */
	Position read() throws IOException {
		if (!Files.exists(this.file)) {
			return new Position(0, 0);
		}
		String[] parts = Files.readString(this.file).strip().split(" ");
		try {
			return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
		}
		catch (RuntimeException ex) {
			logger.warn("Disk buffer cursor unreadable, replaying from the oldest segment");
			return new Position(0, 0);
		}
	}

	void write(long segment, long offset) throws IOException {
		// Written atomically by rename, so a crash leaves the old or the new cursor. A
		// stale cursor only resends batches that the publisher's sequence check discards.
		Files.writeString(this.tmp, segment + " " + offset, StandardCharsets.US_ASCII);
		Files.move(this.tmp, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	record Position(long segment, long offset) {
	}

}
