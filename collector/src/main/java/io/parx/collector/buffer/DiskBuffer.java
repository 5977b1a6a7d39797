package io.parx.collector.buffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Append-only store-and-forward buffer of encoded sample batches in segment files.
 *
 * <pre>
 * record = length:i32 crc32c:i32 sequence:i64 payload[length]   (big-endian)
 * crc32c covers sequence and payload
 * </pre>
 *
 * Records are read oldest first with {@link #peek()} and removed with {@link #remove}
 * only after Redis accepted them; a fully read segment is deleted. The read position is
 * checkpointed in the file {@code cursor}, so a restart does not resend much; what it
 * resends is discarded by the publisher's sequence check. At start-up every segment is
 * verified: a torn or corrupt record (a write cut by a crash) ends its segment, is
 * counted in {@link #tornRecords()} and never stops the collector.
 *
 * <p>
 * Overflow policy: when the buffer exceeds {@code maxSize}, or a segment's newest record
 * is older than {@code maxAge}, the oldest segment is dropped whole; each drop is logged
 * and counted in {@link #droppedBatches()}. All methods are synchronized.
 */
public class DiskBuffer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(DiskBuffer.class);

	static final int HEADER = 16;

	private static final String CURSOR = "cursor";

	private final Path directory;

	private final BufferSettings settings;

	private final Clock clock;

	private final Deque<Segment> segments = new ArrayDeque<>();

	private FileChannel writer;

	private long readOffset;

	private long lastForceMillis;

	private boolean dirty;

	private long droppedBatches;

	private long tornRecords;

	public DiskBuffer(BufferSettings settings, Clock clock) {
		this.settings = settings;
		this.directory = settings.directory();
		this.clock = clock;
		try {
			Files.createDirectories(this.directory);
			recover();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot open the disk buffer in " + this.directory, ex);
		}
	}

	/** Appends one batch at the end of the buffer. */
	public synchronized void append(long sequence, byte[] payload) {
		try {
			// Age first, so that a new record does not keep an expired segment alive.
			enforceBounds();
			Segment tail = this.segments.peekLast();
			if (tail == null || tail.size >= this.settings.segmentSize().toBytes()) {
				tail = startSegment((tail != null) ? tail.number + 1 : 1);
			}
			ByteBuffer record = ByteBuffer.allocate(HEADER + payload.length);
			record.putInt(payload.length).putInt(crc(sequence, payload)).putLong(sequence).put(payload).flip();
			while (record.hasRemaining()) {
				this.writer.write(record);
			}
			tail.size += record.limit();
			tail.records++;
			tail.newestMillis = this.clock.millis();
			this.dirty = true;
			if (this.settings.fsync() == BufferSettings.Fsync.ALWAYS) {
				force();
			}
			else {
				flushIfDue();
			}
			enforceBounds();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot append to the disk buffer", ex);
		}
	}

	/** The oldest record, or {@code null} when the buffer is empty. */
	public synchronized BufferRecord peek() {
		try {
			while (!this.segments.isEmpty()) {
				Segment head = this.segments.peekFirst();
				if (this.readOffset < head.size) {
					return read(head, this.readOffset);
				}
				if (head == this.segments.peekLast()) {
					return null;
				}
				deleteHead();
			}
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the disk buffer", ex);
		}
	}

	/** Removes the record {@link #peek()} returned, after Redis accepted it. */
	public synchronized void remove(BufferRecord record) {
		Segment head = this.segments.peekFirst();
		if (head == null || head.number != record.segment() || record.nextOffset() <= this.readOffset) {
			return; // dropped by the overflow policy meanwhile, or removed already
		}
		this.readOffset = record.nextOffset();
		head.records--;
		try {
			if (this.readOffset >= head.size && head != this.segments.peekLast()) {
				deleteHead();
			}
			writeCursor(head.number, this.readOffset);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot advance the disk buffer", ex);
		}
	}

	public synchronized boolean isEmpty() {
		return depth() == 0;
	}

	/** Batches waiting in the buffer. */
	public synchronized long depth() {
		long depth = 0;
		for (Segment segment : this.segments) {
			depth += segment.records;
		}
		return depth;
	}

	/** Bytes of all segment files. */
	public synchronized long bytes() {
		long bytes = 0;
		for (Segment segment : this.segments) {
			bytes += segment.size;
		}
		return bytes;
	}

	public synchronized long droppedBatches() {
		return this.droppedBatches;
	}

	public synchronized long tornRecords() {
		return this.tornRecords;
	}

	/** Forces the current segment to disk if the fsync interval has passed. */
	public synchronized void flushIfDue() {
		if (this.dirty && this.settings.fsync() == BufferSettings.Fsync.INTERVAL
				&& this.clock.millis() - this.lastForceMillis >= this.settings.fsyncInterval().toMillis()) {
			force();
		}
	}

	/** Drops segments past the size and age bounds. */
	public synchronized void enforceBounds() {
		long maxBytes = this.settings.maxSize().toBytes();
		long oldest = this.clock.millis() - this.settings.maxAge().toMillis();
		while (!this.segments.isEmpty()) {
			Segment head = this.segments.peekFirst();
			boolean tooBig = bytes() > maxBytes;
			boolean tooOld = head.records > 0 && head.newestMillis < oldest;
			if (!tooBig && !tooOld) {
				return;
			}
			if (head.records > 0) {
				this.droppedBatches += head.records;
				logger.warn("Disk buffer {}: dropped {} oldest batches of segment {} ({} dropped in total)",
						tooBig ? "over " + this.settings.maxSize() : "older than " + this.settings.maxAge(),
						head.records, head.number, this.droppedBatches);
			}
			try {
				if (head == this.segments.peekLast()) {
					startSegment(head.number + 1);
				}
				deleteHead();
				writeCursor(this.segments.peekFirst().number, 0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot drop a disk buffer segment", ex);
			}
		}
	}

	@Override
	public synchronized void close() {
		try {
			if (this.writer != null) {
				this.writer.force(false);
				this.writer.close();
			}
			for (Segment segment : this.segments) {
				segment.closeReader();
			}
		}
		catch (IOException ex) {
			logger.warn("Closing the disk buffer failed", ex);
		}
	}

	private BufferRecord read(Segment segment, long offset) throws IOException {
		FileChannel reader = segment.reader();
		ByteBuffer header = ByteBuffer.allocate(HEADER);
		readFully(reader, header, offset);
		header.flip();
		int length = header.getInt();
		int crc = header.getInt();
		long sequence = header.getLong();
		byte[] payload = new byte[length];
		readFully(reader, ByteBuffer.wrap(payload), offset + HEADER);
		if (crc != crc(sequence, payload)) {
			// Verified at start-up and written by us since: only a disk fault gets here.
			throw new IOException("checksum mismatch in segment " + segment.number + " at " + offset);
		}
		return new BufferRecord(sequence, payload, segment.number, offset + HEADER + length);
	}

	private static void readFully(FileChannel channel, ByteBuffer target, long position) throws IOException {
		while (target.hasRemaining()) {
			int n = channel.read(target, position + target.position());
			if (n < 0) {
				throw new IOException("unexpected end of segment");
			}
		}
	}

	private void recover() throws IOException {
		List<Path> files;
		try (Stream<Path> list = Files.list(this.directory)) {
			files = list.filter((p) -> p.getFileName().toString().matches("segment-\\d{20}\\.buf")).sorted().toList();
		}
		long[] cursor = readCursor();
		for (Path file : files) {
			String name = file.getFileName().toString();
			long number = Long.parseLong(name.substring(8, 28));
			Segment segment = new Segment(number, file);
			long start = (number == cursor[0]) ? cursor[1] : 0;
			if (number < cursor[0]) {
				Files.deleteIfExists(file);
				continue;
			}
			scan(segment, start);
			segment.newestMillis = Files.getLastModifiedTime(file).toMillis();
			this.segments.addLast(segment);
		}
		this.readOffset = (!this.segments.isEmpty() && this.segments.peekFirst().number == cursor[0]) ? cursor[1] : 0;
		if (!this.segments.isEmpty()) {
			Segment tail = this.segments.peekLast();
			this.writer = FileChannel.open(tail.path, StandardOpenOption.WRITE);
			this.writer.position(tail.size);
		}
		if (this.tornRecords > 0 || depth() > 0) {
			logger.info("Disk buffer {}: {} batches to replay, {} torn records skipped", this.directory, depth(),
					this.tornRecords);
		}
	}

	/**
	 * Counts valid records from {@code start} and cuts the segment at the first bad one.
	 */
	private void scan(Segment segment, long start) throws IOException {
		try (FileChannel channel = FileChannel.open(segment.path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			long fileSize = channel.size();
			long offset = 0;
			ByteBuffer header = ByteBuffer.allocate(HEADER);
			while (offset < fileSize) {
				header.clear();
				boolean valid = false;
				long next = offset;
				if (fileSize - offset >= HEADER) {
					readFully(channel, header, offset);
					header.flip();
					int length = header.getInt();
					int crc = header.getInt();
					long sequence = header.getLong();
					if (length >= 0 && length <= fileSize - offset - HEADER) {
						byte[] payload = new byte[length];
						readFully(channel, ByteBuffer.wrap(payload), offset + HEADER);
						valid = crc == crc(sequence, payload);
						next = offset + HEADER + length;
					}
				}
				if (!valid) {
					this.tornRecords++;
					logger.warn("Disk buffer segment {}: torn or corrupt record at offset {} of {} bytes skipped",
							segment.number, offset, fileSize);
					channel.truncate(offset);
					break;
				}
				if (offset >= start) {
					segment.records++;
				}
				offset = next;
			}
			segment.size = offset;
		}
	}

	private Segment startSegment(long number) throws IOException {
		if (this.writer != null) {
			this.writer.force(false);
			this.writer.close();
		}
		Path path = this.directory.resolve(String.format("segment-%020d.buf", number));
		this.writer = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING);
		Segment segment = new Segment(number, path);
		segment.newestMillis = this.clock.millis();
		this.segments.addLast(segment);
		return segment;
	}

	private void deleteHead() throws IOException {
		Segment head = this.segments.pollFirst();
		head.closeReader();
		Files.deleteIfExists(head.path);
		this.readOffset = 0;
	}

	private void force() {
		try {
			if (this.writer != null) {
				this.writer.force(false);
			}
			this.dirty = false;
			this.lastForceMillis = this.clock.millis();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot force the disk buffer", ex);
		}
	}

	private long[] readCursor() throws IOException {
		Path file = this.directory.resolve(CURSOR);
		if (!Files.exists(file)) {
			return new long[] { 0, 0 };
		}
		String[] parts = Files.readString(file).strip().split(" ");
		try {
			return new long[] { Long.parseLong(parts[0]), Long.parseLong(parts[1]) };
		}
		catch (RuntimeException ex) {
			logger.warn("Disk buffer cursor unreadable, replaying from the oldest segment");
			return new long[] { 0, 0 };
		}
	}

	private void writeCursor(long segment, long offset) throws IOException {
		// Written atomically by rename, so a crash leaves the old or the new cursor. A
		// stale
		// cursor only resends batches that the publisher's sequence check discards.
		Path tmp = this.directory.resolve(CURSOR + ".tmp");
		Files.writeString(tmp, segment + " " + offset, StandardCharsets.US_ASCII);
		Files.move(tmp, this.directory.resolve(CURSOR), StandardCopyOption.REPLACE_EXISTING,
				StandardCopyOption.ATOMIC_MOVE);
	}

	static int crc(long sequence, byte[] payload) {
		CRC32C crc = new CRC32C();
		crc.update(ByteBuffer.allocate(8).putLong(0, sequence));
		crc.update(payload);
		return (int) crc.getValue();
	}

	private static final class Segment {

		final long number;

		final Path path;

		long size;

		long records;

		long newestMillis;

		private FileChannel reader;

		Segment(long number, Path path) {
			this.number = number;
			this.path = path;
		}

		FileChannel reader() throws IOException {
			if (this.reader == null) {
				this.reader = FileChannel.open(this.path, StandardOpenOption.READ);
			}
			return this.reader;
		}

		void closeReader() throws IOException {
			if (this.reader != null) {
				this.reader.close();
				this.reader = null;
			}
		}

	}

}
