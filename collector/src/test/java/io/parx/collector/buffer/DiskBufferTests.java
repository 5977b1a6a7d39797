package io.parx.collector.buffer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class DiskBufferTests {

	@TempDir
	Path dir;

	@Test
	void replaysRecordsOldestFirstAcrossSegmentsAndDeletesReadSegments() throws IOException {
		try (DiskBuffer buffer = new DiskBuffer(settings(DataSize.ofKilobytes(4), DataSize.ofMegabytes(1)),
				Clock.systemUTC())) {
			for (int i = 1; i <= 200; i++) {
				buffer.append(i, payload(i, 100));
			}
			assertThat(segmentFiles()).hasSizeGreaterThan(3);
			assertThat(drain(buffer)).containsExactlyElementsOf(range(1, 200));
			assertThat(buffer.isEmpty()).isTrue();
			assertThat(segmentFiles()).hasSize(1);
		}
	}

	@Test
	void survivesARestartAndResumesAfterTheLastRemovedRecord() {
		BufferSettings settings = settings(DataSize.ofKilobytes(4), DataSize.ofMegabytes(1));
		try (DiskBuffer buffer = new DiskBuffer(settings, Clock.systemUTC())) {
			for (int i = 1; i <= 100; i++) {
				buffer.append(i, payload(i, 100));
			}
			for (int i = 0; i < 30; i++) {
				buffer.remove(buffer.peek());
			}
		}
		try (DiskBuffer reopened = new DiskBuffer(settings, Clock.systemUTC())) {
			assertThat(reopened.depth()).isEqualTo(70);
			assertThat(drain(reopened)).containsExactlyElementsOf(range(31, 100));
		}
	}

	@Test
	void skipsAndCountsATornLastRecordInsteadOfFailing() throws IOException {
		// A crash in the middle of a write leaves a partial record at the end of the
		// segment.
		BufferSettings settings = settings(DataSize.ofMegabytes(1), DataSize.ofMegabytes(10));
		try (DiskBuffer buffer = new DiskBuffer(settings, Clock.systemUTC())) {
			for (int i = 1; i <= 5; i++) {
				buffer.append(i, payload(i, 50));
			}
		}
		Path segment = segmentFiles().get(0);
		long size = Files.size(segment);
		try (var channel = Files.newByteChannel(segment, StandardOpenOption.WRITE)) {
			channel.truncate(size - 20);
		}
		try (DiskBuffer reopened = new DiskBuffer(settings, Clock.systemUTC())) {
			assertThat(reopened.tornRecords()).isEqualTo(1);
			assertThat(drain(reopened)).containsExactly(1L, 2L, 3L, 4L);
			reopened.append(6, payload(6, 50));
			assertThat(drain(reopened)).containsExactly(6L);
		}
	}

	@Test
	void detectsACorruptRecordByItsChecksum() throws IOException {
		BufferSettings settings = settings(DataSize.ofMegabytes(1), DataSize.ofMegabytes(10));
		try (DiskBuffer buffer = new DiskBuffer(settings, Clock.systemUTC())) {
			buffer.append(1, payload(1, 50));
			buffer.append(2, payload(2, 50));
		}
		Path segment = segmentFiles().get(0);
		byte[] bytes = Files.readAllBytes(segment);
		bytes[bytes.length - 3] ^= 0x55;
		Files.write(segment, bytes);
		try (DiskBuffer reopened = new DiskBuffer(settings, Clock.systemUTC())) {
			assertThat(reopened.tornRecords()).isEqualTo(1);
			assertThat(drain(reopened)).containsExactly(1L);
		}
	}

	@Test
	void dropsTheOldestSegmentWhenFullAndCountsEveryDroppedBatch() {
		try (DiskBuffer buffer = new DiskBuffer(settings(DataSize.ofKilobytes(4), DataSize.ofKilobytes(16)),
				Clock.systemUTC())) {
			for (int i = 1; i <= 400; i++) {
				buffer.append(i, payload(i, 100));
			}
			assertThat(buffer.bytes()).isLessThanOrEqualTo(DataSize.ofKilobytes(16).toBytes());
			assertThat(buffer.droppedBatches()).isPositive();
			List<Long> left = drain(buffer);
			assertThat(left).hasSize((int) (400 - buffer.droppedBatches()));
			// Dropping takes the oldest: what is left is the newest, still in order.
			assertThat(left).containsExactlyElementsOf(range(401 - left.size(), 400));
		}
	}

	@Test
	void dropsSegmentsOlderThanTheMaximumAge() {
		MutableClock clock = new MutableClock();
		BufferSettings settings = new BufferSettings(this.dir, DataSize.ofMegabytes(10), Duration.ofHours(1),
				DataSize.ofKilobytes(4), BufferSettings.Fsync.NEVER, Duration.ofSeconds(1));
		try (DiskBuffer buffer = new DiskBuffer(settings, clock)) {
			for (int i = 1; i <= 100; i++) {
				buffer.append(i, payload(i, 100));
			}
			clock.now = clock.now.plus(Duration.ofHours(2));
			buffer.append(101, payload(101, 100));
			assertThat(buffer.droppedBatches()).isEqualTo(100);
			assertThat(drain(buffer)).containsExactly(101L);
		}
	}

	@Test
	void knowsWhenItsOldestWaitingSegmentWasStartedAndForgetsItOnceDrained() {
		// the status page shows how old the oldest buffered batch is (at most)
		MutableClock clock = new MutableClock();
		BufferSettings settings = new BufferSettings(this.dir, DataSize.ofMegabytes(10), Duration.ofHours(1),
				DataSize.ofKilobytes(4), BufferSettings.Fsync.NEVER, Duration.ofSeconds(1));
		try (DiskBuffer buffer = new DiskBuffer(settings, clock)) {
			assertThat(buffer.oldestBatchMillis()).isNull();
			Instant first = clock.now;
			buffer.append(1, payload(1, 100));
			clock.now = clock.now.plusSeconds(30);
			buffer.append(2, payload(2, 100));
			assertThat(buffer.oldestBatchMillis()).isEqualTo(first.toEpochMilli());
			drain(buffer);
			assertThat(buffer.oldestBatchMillis()).isNull();
		}
	}

	@Test
	void keepsRecordsThatWereReadButNotRemoved() {
		// Redis did not accept the batch: it must be offered again.
		try (DiskBuffer buffer = new DiskBuffer(settings(DataSize.ofKilobytes(4), DataSize.ofMegabytes(1)),
				Clock.systemUTC())) {
			buffer.append(1, payload(1, 10));
			assertThat(buffer.peek().sequence()).isEqualTo(1);
			assertThat(buffer.peek().sequence()).isEqualTo(1);
			assertThat(new String(buffer.peek().payload(), StandardCharsets.UTF_8)).startsWith("1:");
		}
	}

	private BufferSettings settings(DataSize segment, DataSize max) {
		return new BufferSettings(this.dir, max, Duration.ofDays(7), segment, BufferSettings.Fsync.INTERVAL,
				Duration.ofMillis(100));
	}

	private static List<Long> drain(DiskBuffer buffer) {
		List<Long> sequences = new ArrayList<>();
		BufferRecord record;
		while ((record = buffer.peek()) != null) {
			assertThat(new String(record.payload(), StandardCharsets.UTF_8)).startsWith(record.sequence() + ":");
			sequences.add(record.sequence());
			buffer.remove(record);
		}
		return sequences;
	}

	private static List<Long> range(long from, long to) {
		List<Long> result = new ArrayList<>();
		for (long i = from; i <= to; i++) {
			result.add(i);
		}
		return result;
	}

	private static byte[] payload(long sequence, int length) {
		StringBuilder text = new StringBuilder(sequence + ":");
		while (text.length() < length) {
			text.append('x');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private List<Path> segmentFiles() throws IOException {
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.filter((p) -> p.getFileName().toString().startsWith("segment-")).sorted().toList();
		}
	}

	static final class MutableClock extends Clock {

		Instant now = Instant.parse("2026-01-01T00:00:00Z");

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
