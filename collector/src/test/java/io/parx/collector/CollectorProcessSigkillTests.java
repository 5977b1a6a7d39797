package io.parx.collector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.parx.collector.buffer.BufferRecord;
import io.parx.collector.buffer.BufferSettings;
import io.parx.collector.buffer.DiskBuffer;
import io.parx.collector.support.RedisServerProcess;
import io.parx.common.redis.RedisKeys;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import io.parx.common.security.TestTokens;
import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 4: "A collector killed with SIGKILL loses nothing that reached the buffer; on
 * restart it replays." The whole collector runs as a child process whose Redis for
 * samples does not answer, so it spools simulator data to its disk buffer; it is killed
 * with SIGKILL, and a restarted collector replays every buffered batch, in order, before
 * anything new.
 */
class CollectorProcessSigkillTests {

	private static final String PREFIX = "parx-sigkill-app:";

	@TempDir
	Path dir;

	@Test
	void aCollectorKilledWithSigkillReplaysEverythingItHadBufferedAfterARestart() throws Exception {
		TestDatabase configDb = TestDatabases.createConfigDb();
		try (Connection connection = configDb.connect(); Statement statement = connection.createStatement()) {
			for (int i = 0; i < 20; i++) {
				statement.execute("insert into channel (name, data_type, poll_interval_ms, protocol, settings) values "
						+ "('sig-" + i + "', 'FLOAT64', 20, 'SIMULATOR', '{\"waveform\":\"COUNTER\"}')");
			}
		}
		Path buffer = this.dir.resolve("buffer");
		try (RedisServerProcess redis = RedisServerProcess.start(); TestTokens tokens = TestTokens.start()) {
			String unreachable = "redis://127.0.0.1:" + RedisServerProcess.freePort();
			Process first = start(configDb, redis.url(), unreachable, buffer, tokens.jwksUrl(), "first");
			try {
				await().atMost(Duration.ofMinutes(4)).until(() -> bufferBytes(buffer) > 64 * 1024);
			}
			finally {
				first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no close
				first.waitFor();
			}
			List<Sample> buffered = drainCopy(buffer);
			assertThat(buffered).hasSizeGreaterThan(1000);

			Process second = start(configDb, redis.url(), redis.url(), buffer, tokens.jwksUrl(), "second");
			try {
				await().atMost(Duration.ofMinutes(4)).until(() -> stream(redis.url()).size() >= buffered.size());
				List<Sample> stream = stream(redis.url());
				assertThat(stream.subList(0, buffered.size())).containsExactlyElementsOf(buffered);
			}
			finally {
				second.destroyForcibly();
				second.waitFor();
			}
		}
	}

	private Process start(TestDatabase configDb, String redisUrl, String publishUrl, Path buffer, String jwksUrl,
			String name) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		return new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
				CollectorApplication.class.getName(), "--server.port=0",
				"--spring.datasource.url=" + configDb.jdbcUrl(), "--spring.datasource.username=" + configDb.username(),
				"--spring.datasource.password=" + configDb.password(), "--spring.data.redis.url=" + redisUrl,
				"--parx.redis.prefix=" + PREFIX, "--parx.collector.publish.redis-url=" + publishUrl,
				"--parx.collector.publish.command-timeout=500ms", "--parx.collector.buffer.directory=" + buffer,
				"--parx.security.jwks-url=" + jwksUrl, "--PARX_DATA_DIR=" + this.dir.resolve("data"))
			.redirectErrorStream(true)
			.redirectOutput(this.dir.resolve(name + ".log").toFile())
			.start();
	}

	private static long bufferBytes(Path buffer) throws IOException {
		if (!Files.isDirectory(buffer)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(buffer)) {
			return files.filter((p) -> p.getFileName().toString().startsWith("segment-"))
				.mapToLong((p) -> p.toFile().length())
				.sum();
		}
	}

	/**
	 * What the buffer holds, read from a copy so the restarted collector finds it intact.
	 */
	private List<Sample> drainCopy(Path buffer) throws IOException {
		Path copy = this.dir.resolve("copy");
		FileSystemUtils.copyRecursively(buffer, copy);
		List<Sample> samples = new ArrayList<>();
		try (DiskBuffer reader = new DiskBuffer(new BufferSettings(copy, DataSize.ofGigabytes(1), Duration.ofDays(7),
				DataSize.ofMegabytes(16), BufferSettings.Fsync.NEVER, Duration.ofSeconds(1)), Clock.systemUTC())) {
			BufferRecord record;
			while ((record = reader.peek()) != null) {
				samples.addAll(SampleBatchCodec.decode(record.payload()));
				reader.remove(record);
			}
		}
		return samples;
	}

	private static List<Sample> stream(String url) {
		RedisClient client = RedisClient.create(url);
		try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
			List<Sample> samples = new ArrayList<>();
			for (StreamMessage<byte[], byte[]> message : connection.sync()
				.xrange(new RedisKeys(PREFIX).samples().getBytes(StandardCharsets.UTF_8), Range.create("-", "+"))) {
				samples.addAll(SampleBatchCodec.decode(message.getBody().values().iterator().next()));
			}
			return samples;
		}
		finally {
			client.shutdown();
		}
	}

}
