package io.parx.collector.buffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Append-only store-and-forward buffer of encoded sample batches in segment files
 * (format: {@link SegmentRecords}).
 *
 * <p>
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

	private final Path directory;

	private final BufferSettings settings;

	private final Clock clock;

	private final BufferCursor cursor;

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
		this.cursor = new BufferCursor(this.directory);
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
			ByteBuffer record = SegmentRecords.encode(sequence, payload);
			while (record.hasRemaining()) {
				this.writer.write(record);
			}
			tail.size += record.limit();
			tail.records++;
			tail.newestMillis = this.clock.millis();
			if (tail.firstMillis == 0) {
				tail.firstMillis = tail.newestMillis;
			}
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
			this.cursor.write(head.number, this.readOffset);
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

	/**
	 * When the oldest segment still holding batches was started, or {@code null} when the
	 * buffer is empty: the age of the oldest waiting batch is at most now minus this (the
	 * segment's first batches may have been sent already).
	 */
	public synchronized Long oldestBatchMillis() {
		for (Segment segment : this.segments) {
			if (segment.records > 0) {
				return segment.firstMillis;
			}
		}
		return null;
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
				this.cursor.write(this.segments.peekFirst().number, 0);
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
		SegmentRecords.Entry entry = SegmentRecords.read(segment.reader(), offset, segment.size);
		if (entry == null) {
			// Verified at start-up and written by us since: only a disk fault gets here.
			throw new IOException("checksum mismatch in segment " + segment.number + " at " + offset);
		}
		return new BufferRecord(entry.sequence(), entry.payload(), segment.number, entry.next());
	}

	private void recover() throws IOException {
		List<Path> files;
		try (Stream<Path> list = Files.list(this.directory)) {
			files = list.filter((p) -> p.getFileName().toString().matches("segment-\\d{20}\\.buf")).sorted().toList();
		}
		BufferCursor.Position cursor = this.cursor.read();
		for (Path file : files) {
			String name = file.getFileName().toString();
			long number = Long.parseLong(name.substring(8, 28));
			Segment segment = new Segment(number, file);
			long start = (number == cursor.segment()) ? cursor.offset() : 0;
			if (number < cursor.segment()) {
				Files.deleteIfExists(file);
				continue;
			}
			scan(segment, start);
			segment.newestMillis = Files.getLastModifiedTime(file).toMillis();
			// the file's creation time where the file system keeps one, else its last
			// change
			segment.firstMillis = Math.min(segment.newestMillis,
					((FileTime) Files.getAttribute(file, "creationTime")).toMillis());
			this.segments.addLast(segment);
		}
		this.readOffset = (!this.segments.isEmpty() && this.segments.peekFirst().number == cursor.segment())
				? cursor.offset() : 0;
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
			while (offset < fileSize) {
				SegmentRecords.Entry entry = SegmentRecords.read(channel, offset, fileSize);
				if (entry == null) {
					this.tornRecords++;
					logger.warn("Disk buffer segment {}: torn or corrupt record at offset {} of {} bytes skipped",
							segment.number, offset, fileSize);
					channel.truncate(offset);
					break;
				}
				if (offset >= start) {
					segment.records++;
				}
				offset = entry.next();
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

	private static final class Segment {

		final long number;

		final Path path;

		long size;

		long records;

		long newestMillis;

		/** When the first batch was written into it, 0 before that. */
		long firstMillis;

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
