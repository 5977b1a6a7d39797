package io.parx.collector.buffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * The record format of a disk buffer segment file.
 *
 * <pre>
 * record = length:i32 crc32c:i32 sequence:i64 payload[length]   (big-endian)
 * crc32c covers sequence and payload
 * </pre>
 */
final class SegmentRecords {

	static final int HEADER = 16;

	private SegmentRecords() {
	}

	static ByteBuffer encode(long sequence, byte[] payload) {
		ByteBuffer record = ByteBuffer.allocate(HEADER + payload.length);
		record.putInt(payload.length).putInt(crc(sequence, payload)).putLong(sequence).put(payload).flip();
		return record;
	}

	/**
	 * The record at {@code offset} of a file whose valid content ends at {@code end}, or
	 * {@code null} when it is torn (cut short) or corrupt (checksum mismatch).
	 */
	static Entry read(FileChannel channel, long offset, long end) throws IOException {
		if (end - offset < HEADER) {
			return null;
		}
		ByteBuffer header = ByteBuffer.allocate(HEADER);
		readFully(channel, header, offset);
		header.flip();
		int length = header.getInt();
		int crc = header.getInt();
		long sequence = header.getLong();
		if (length < 0 || length > end - offset - HEADER) {
			return null;
		}
		byte[] payload = new byte[length];
		readFully(channel, ByteBuffer.wrap(payload), offset + HEADER);
		return (crc == crc(sequence, payload)) ? new Entry(sequence, payload, offset + HEADER + length) : null;
	}

	private static void readFully(FileChannel channel, ByteBuffer target, long position) throws IOException {
		while (target.hasRemaining()) {
			int n = channel.read(target, position + target.position());
			if (n < 0) {
				throw new IOException("unexpected end of segment");
			}
		}
	}

	private static int crc(long sequence, byte[] payload) {
		CRC32C crc = new CRC32C();
		crc.update(ByteBuffer.allocate(8).putLong(0, sequence));
		crc.update(payload);
		return (int) crc.getValue();
	}

	/** A valid record and the offset of the one after it. */
	record Entry(long sequence, byte[] payload, long next) {
	}

}
