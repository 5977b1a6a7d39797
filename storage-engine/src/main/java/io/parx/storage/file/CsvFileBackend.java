package io.parx.storage.file;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.parx.common.config.rule.StorageBackend;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;
import io.parx.storage.rules.StorageRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the samples of FILE rules as CSV (UTF-8, header
 * {@code time,channel,value,quality}). A file is written as {@code <name>.part} and
 * renamed to {@code <name>} when it is complete (rotated by time or size, or at
 * shutdown), so a reader never sees a half-written file under its final name.
 */
public class CsvFileBackend implements AutoCloseable {

	static final String HEADER = "time,channel,value,quality\n";

	static final String PART = ".part";

	private static final Logger logger = LoggerFactory.getLogger(CsvFileBackend.class);

	private final FileSettings settings;

	private final Clock clock;

	private final Map<String, OpenFile> open = new HashMap<>();

	public CsvFileBackend(FileSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/** Appends the samples of one rule, flushed to the operating system on return. */
	public synchronized void append(StorageRule rule, StorageBackend.File backend, List<Sample> samples)
			throws IOException {
		Path directory = directory(backend);
		String naming = backend.namingOr(this.settings.defaultNaming());
		boolean perChannel = CsvFileName.perChannel(naming);
		List<OpenFile> touched = new ArrayList<>();
		for (Sample sample : samples) {
			long channel = perChannel ? sample.channelId() : 0;
			String key = rule.id() + "/" + channel;
			OpenFile file = this.open.get(key);
			if (file != null && file.isDue(backend, this.clock.instant())) {
				// closed (and so flushed) by finishing: flushing it below would fail the
				// batch
				touched.remove(file);
				finish(key);
				file = null;
			}
			if (file == null) {
				file = OpenFile.create(directory,
						CsvFileName.expand(naming, rule.name(), sample.channelId(), this.clock.instant()),
						this.clock.instant());
				this.open.put(key, file);
			}
			file.write(row(sample));
			if (!touched.contains(file)) {
				touched.add(file);
			}
		}
		for (OpenFile file : touched) {
			file.flush();
		}
	}

	/** Finishes files whose time is up even when no sample arrives. */
	public synchronized void rotateDue(Map<Long, StorageBackend.File> backends) {
		Instant now = this.clock.instant();
		for (String key : List.copyOf(this.open.keySet())) {
			long ruleId = Long.parseLong(key.substring(0, key.indexOf('/')));
			StorageBackend.File backend = backends.get(ruleId);
			if (backend == null || this.open.get(key).isDue(backend, now)) {
				finishQuietly(key);
			}
		}
	}

	/**
	 * Renames the {@code .part} files a crash left behind, cutting a torn last line, and
	 * deletes finished files older than the retention.
	 */
	public synchronized void recoverAndExpire(List<StorageRule> rules) {
		Instant now = this.clock.instant();
		for (StorageRule rule : rules) {
			if (!(rule.backend() instanceof StorageBackend.File backend)) {
				continue;
			}
			Path directory = directory(backend);
			if (!Files.isDirectory(directory)) {
				continue;
			}
			Duration retention = (rule.retentionDays() != null) ? Duration.ofDays(rule.retentionDays())
					: this.settings.retention();
			try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
				for (Path path : files) {
					String name = path.getFileName().toString();
					if (name.endsWith(PART) && this.open.values().stream().noneMatch((f) -> f.part.equals(path))) {
						recover(path);
					}
					else if (!name.endsWith(PART)
							&& Files.getLastModifiedTime(path).toInstant().isBefore(now.minus(retention))) {
						Files.deleteIfExists(path);
						logger.info("Deleted {} (older than {})", path, retention);
					}
				}
			}
			catch (IOException ex) {
				logger.warn("Cannot check files in {}: {}", directory, ex.toString());
			}
		}
	}

	@Override
	public synchronized void close() {
		for (String key : List.copyOf(this.open.keySet())) {
			finishQuietly(key);
		}
	}

	private Path directory(StorageBackend.File backend) {
		Path base = this.settings.baseDirectory().toAbsolutePath().normalize();
		Path directory = base.resolve(backend.directory()).normalize();
		if (!directory.startsWith(base)) {
			throw new IllegalArgumentException(
					"directory '" + backend.directory() + "' leaves the CSV base directory " + base);
		}
		return directory;
	}

	private void finishQuietly(String key) {
		try {
			finish(key);
		}
		catch (IOException ex) {
			logger.warn("Cannot finish CSV file {}: {}", key, ex.toString());
		}
	}

	private void finish(String key) throws IOException {
		OpenFile file = this.open.remove(key);
		if (file != null) {
			file.finish();
		}
	}

	private static void recover(Path part) throws IOException {
		try (FileChannel channel = FileChannel.open(part, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			long size = channel.size();
			long keep = size;
			java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
			while (keep > 0) {
				one.clear();
				channel.read(one, keep - 1);
				if (one.get(0) == '\n') {
					break;
				}
				keep--;
			}
			channel.truncate(keep);
		}
		Files.move(part, finalName(part), StandardCopyOption.ATOMIC_MOVE);
		logger.info("Recovered {} left by an earlier run", part);
	}

	static String row(Sample sample) {
		StringBuilder row = new StringBuilder(64);
		row.append(sample.time()).append(',').append(sample.channelId()).append(',');
		switch (sample.value()) {
			case null -> {
			}
			case SampleValue.Numeric(double number) ->
				row.append((number == Math.rint(number) && Math.abs(number) < 1e15) ? Long.toString((long) number)
						: Double.toString(number));
			case SampleValue.Bool(boolean bool) -> row.append(bool);
			case SampleValue.Text(String text) -> row.append('"').append(text.replace("\"", "\"\"")).append('"');
		}
		return row.append(',').append(Integer.toUnsignedString(sample.quality())).append('\n').toString();
	}

	private static Path finalName(Path part) {
		String name = part.getFileName().toString();
		Path target = part.resolveSibling(name.substring(0, name.length() - PART.length()));
		for (int n = 1; Files.exists(target); n++) {
			String base = name.substring(0, name.length() - PART.length());
			int dot = base.lastIndexOf('.');
			target = part
				.resolveSibling((dot > 0) ? base.substring(0, dot) + "-" + n + base.substring(dot) : base + "-" + n);
		}
		return target;
	}

	private static final class OpenFile {

		private final Path part;

		private final BufferedWriter writer;

		private final Instant openedAt;

		private long size;

		private OpenFile(Path part, BufferedWriter writer, Instant openedAt) {
			this.part = part;
			this.writer = writer;
			this.openedAt = openedAt;
		}

		static OpenFile create(Path directory, String name, Instant now) throws IOException {
			Files.createDirectories(directory);
			Path part = directory.resolve(name + PART);
			for (int n = 1; Files.exists(part) || Files.exists(directory.resolve(name)); n++) {
				int dot = name.lastIndexOf('.');
				String numbered = (dot > 0) ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
				part = directory.resolve(numbered + PART);
				if (!Files.exists(part) && !Files.exists(directory.resolve(numbered))) {
					break;
				}
			}
			BufferedWriter writer = Files.newBufferedWriter(part, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE);
			OpenFile file = new OpenFile(part, writer, now);
			file.write(HEADER);
			return file;
		}

		boolean isDue(StorageBackend.File backend, Instant now) {
			return (backend.rotateSizeBytes() > 0 && this.size >= backend.rotateSizeBytes())
					|| (backend.rotateEveryMs() > 0
							&& !now.isBefore(this.openedAt.plusMillis(backend.rotateEveryMs())));
		}

		void write(String text) throws IOException {
			this.writer.write(text);
			// CSV rows here are ASCII apart from text values; close enough for rotation.
			this.size += text.length();
		}

		void flush() throws IOException {
			this.writer.flush();
		}

		void finish() throws IOException {
			this.writer.close();
			Files.move(this.part, finalName(this.part), StandardCopyOption.ATOMIC_MOVE);
		}

	}

}
