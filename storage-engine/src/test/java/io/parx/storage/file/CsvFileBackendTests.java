package io.parx.storage.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.parx.common.config.rule.StorageBackend;
import io.parx.common.config.rule.StorageMode;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;
import io.parx.storage.rules.StorageRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV backend (issue 5, "File backend"): readers only ever see complete files under
 * their final name; files rotate by size and time and expire by age.
 */
class CsvFileBackendTests {

	private static final Instant T0 = Instant.parse("2026-05-04T06:07:08Z");

	@TempDir
	Path base;

	private final MutableClock clock = new MutableClock(T0);

	@Test
	void filesAreWrittenAsPartAndRenamedWhenFinished() throws IOException {
		CsvFileBackend backend = backend();
		StorageBackend.File file = new StorageBackend.File("line1", "{rule}_{yyyy}{MM}{dd}.csv", 0, 0);
		StorageRule rule = rule(file);

		backend.append(rule, file, List.of(sample(1, 0, 1.5), text(2, 1, "a \"quoted\" text")));

		assertThat(names("line1")).containsExactly("Furnace_1_20260504.csv.part");
		backend.close();
		assertThat(names("line1")).containsExactly("Furnace_1_20260504.csv");
		assertThat(Files.readString(this.base.resolve("line1/Furnace_1_20260504.csv"), StandardCharsets.UTF_8))
			.isEqualTo("""
					time,channel,value,quality
					2026-05-04T06:07:08Z,1,1.5,0
					2026-05-04T06:07:09Z,2,"a ""quoted"" text",0
					""");
	}

	@Test
	void filesRotateBySizeWithoutLosingOrSplittingRows() throws IOException {
		CsvFileBackend backend = backend();
		StorageBackend.File file = new StorageBackend.File("size", "{rule}.csv", 0, 200);
		StorageRule rule = rule(file);

		for (int i = 0; i < 20; i++) {
			backend.append(rule, file, List.of(sample(7, i, i)));
		}
		backend.close();

		List<String> names = names("size");
		assertThat(names).hasSizeGreaterThan(2).allMatch((name) -> name.endsWith(".csv"));
		List<String> rows = new ArrayList<>();
		for (String name : names) {
			List<String> lines = Files.readAllLines(this.base.resolve("size").resolve(name));
			assertThat(lines.get(0)).isEqualTo("time,channel,value,quality");
			rows.addAll(lines.subList(1, lines.size()));
		}
		assertThat(rows).hasSize(20).doesNotHaveDuplicates();
	}

	@Test
	void aBatchThatPassesTheSizeLimitMidwayIsWrittenWhole() throws IOException {
		// The file finished in the middle of the batch was once flushed after closing,
		// which failed the batch on every retry and stopped the storage of samples.
		CsvFileBackend backend = backend();
		StorageBackend.File file = new StorageBackend.File("batch", "{rule}.csv", 0, 200);
		StorageRule rule = rule(file);
		List<Sample> batch = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			batch.add(sample(7, i, i));
		}

		backend.append(rule, file, batch);
		backend.close();

		List<String> rows = new ArrayList<>();
		for (String name : names("batch")) {
			List<String> lines = Files.readAllLines(this.base.resolve("batch").resolve(name));
			rows.addAll(lines.subList(1, lines.size()));
		}
		assertThat(names("batch")).hasSizeGreaterThan(2);
		assertThat(rows).hasSize(20).doesNotHaveDuplicates();
	}

	@Test
	void filesRotateByTimeEvenWhenNoSampleArrives() throws IOException {
		CsvFileBackend backend = backend();
		StorageBackend.File file = new StorageBackend.File("time", "{rule}_{channel}_{HH}{mm}{ss}.csv", 60_000, 0);
		StorageRule rule = rule(file);
		backend.append(rule, file, List.of(sample(3, 0, 1)));

		this.clock.advance(Duration.ofSeconds(61));
		backend.rotateDue(Map.of(rule.id(), file));

		assertThat(names("time")).containsExactly("Furnace_1_3_060708.csv");
		backend.append(rule, file, List.of(sample(3, 61, 2)));
		assertThat(names("time")).containsExactly("Furnace_1_3_060708.csv", "Furnace_1_3_060809.csv.part");
	}

	@Test
	void aPartFileLeftByACrashIsFinishedWithoutItsTornLastLine() throws IOException {
		Path directory = Files.createDirectories(this.base.resolve("crash"));
		Files.writeString(directory.resolve("old.csv.part"),
				"time,channel,value,quality\n2026-05-04T06:07:08Z,1,1,0\n2026-05-04T06:07:09Z,1,");
		StorageBackend.File file = new StorageBackend.File("crash", "{rule}.csv", 0, 0);

		backend().recoverAndExpire(List.of(rule(file)));

		assertThat(Files.readString(directory.resolve("old.csv")))
			.isEqualTo("time,channel,value,quality\n2026-05-04T06:07:08Z,1,1,0\n");
	}

	@Test
	void finishedFilesOlderThanTheRetentionAreDeleted() throws IOException {
		Path directory = Files.createDirectories(this.base.resolve("old"));
		Files.writeString(directory.resolve("expired.csv"), "x");
		Files.setLastModifiedTime(directory.resolve("expired.csv"), FileTime.from(T0.minus(Duration.ofDays(31))));
		Files.writeString(directory.resolve("recent.csv"), "x");
		Files.setLastModifiedTime(directory.resolve("recent.csv"), FileTime.from(T0.minus(Duration.ofDays(29))));

		backend().recoverAndExpire(List.of(rule(new StorageBackend.File("old", "{rule}.csv", 0, 0))));

		assertThat(names("old")).containsExactly("recent.csv");
	}

	@Test
	void aRuleWithoutNamingUsesTheConfiguredDefault() throws IOException {
		// a directory outside the base one cannot be built: StorageBackendTests in common
		StorageBackend.File file = new StorageBackend.File("unnamed", null, 0, 0);

		backend().append(rule(file), file, List.of(sample(1, 0, 1)));

		assertThat(names("unnamed")).containsExactly("Furnace_1.csv.part");
	}

	private CsvFileBackend backend() {
		return new CsvFileBackend(new FileSettings(this.base, "{rule}.csv", Duration.ofDays(30), Duration.ofSeconds(5)),
				this.clock);
	}

	private static StorageRule rule(StorageBackend.File file) {
		return new StorageRule(11, "Furnace 1", new StorageMode.Continuous(Duration.ZERO), file, List.of(1L), null);
	}

	private List<String> names(String directory) throws IOException {
		try (Stream<Path> files = Files.list(this.base.resolve(directory))) {
			return files.map((p) -> p.getFileName().toString()).sorted().toList();
		}
	}

	private static Sample sample(long channel, int seconds, double value) {
		return new Sample(channel, Sample.toMicros(T0.plusSeconds(seconds)), SampleValue.of(value), Quality.GOOD);
	}

	private static Sample text(long channel, int seconds, String value) {
		return new Sample(channel, Sample.toMicros(T0.plusSeconds(seconds)), SampleValue.of(value), Quality.GOOD);
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
