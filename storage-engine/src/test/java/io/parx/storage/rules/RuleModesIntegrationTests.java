package io.parx.storage.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.parx.common.config.ConfigChanged;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;
import io.parx.storage.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each storage mode end to end: samples into the stream, exact rows out of TimescaleDB
 * (issue 5, "Storage rules"). Times are seconds after {@link #T0}.
 */
class RuleModesIntegrationTests extends AbstractIntegrationTest {

	private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	@Test
	void continuousWithIntervalStoresTheLastSampleOfEachCompletedInterval() {
		long channel = this.config.channel();
		this.config.rule("CONTINUOUS", "{\"intervalMs\":10000}", channel);
		reloadRules();

		produce(List.of(num(channel, 0, 0), num(channel, 3, 3), num(channel, 7, 7), num(channel, 12, 12),
				num(channel, 15, 15), num(channel, 21, 21)));

		// 21 is held: its interval is not over until a sample of a later one arrives.
		awaitStored(List.of(channel), channel + "@7=7", channel + "@15=15");
		produce(List.of(num(channel, 35, 35)));
		awaitStored(List.of(channel), channel + "@7=7", channel + "@15=15", channel + "@21=21");
	}

	@Test
	void continuousWithZeroIntervalStoresEverySample() {
		long channel = this.config.channel();
		this.config.rule("CONTINUOUS", "{\"intervalMs\":0}", channel);
		reloadRules();

		produce(List.of(num(channel, 0, 1), num(channel, 1, 1), num(channel, 2, 1)));

		awaitStored(List.of(channel), channel + "@0=1", channel + "@1=1", channel + "@2=1");
	}

	@Test
	void changeStoresBeyondAbsoluteDeadbandOnQualityChangeAndAtMaxInterval() {
		long channel = this.config.channel();
		this.config.rule("CHANGE", "{\"deadband\":1.0,\"deadbandType\":\"ABSOLUTE\",\"maxIntervalMs\":60000}", channel);
		reloadRules();

		produce(List.of(num(channel, 0, 10.0), num(channel, 1, 10.5), num(channel, 2, 11.2), num(channel, 3, 11.9),
				new Sample(channel, micros(4), SampleValue.of(11.9), Quality.UNCERTAIN_LAST_USABLE_VALUE),
				num(channel, 5, 11.9), num(channel, 30, 11.9), num(channel, 66, 11.9)));

		// 10.5 and 11.9 stay within 1.0 of the last stored value; 4 and 5 change quality;
		// 66 is 61 s after the last store, so "unchanged" shows up in the history.
		awaitStored(List.of(channel), channel + "@0=10", channel + "@2=11.2", channel + "@4=11.9", channel + "@5=11.9",
				channel + "@66=11.9");
	}

	@Test
	void changeWithPercentDeadbandComparesAgainstTheLastStoredValue() {
		long channel = this.config.channel();
		this.config.rule("CHANGE", "{\"deadband\":10,\"deadbandType\":\"PERCENT\"}", channel);
		reloadRules();

		produce(List.of(num(channel, 0, 100), num(channel, 1, 105), num(channel, 2, 111), num(channel, 3, 120),
				num(channel, 4, 125)));

		awaitStored(List.of(channel), channel + "@0=100", channel + "@2=111", channel + "@4=125");
	}

	@Test
	void eventStoresCurrentValuesOfTheRuleChannelsOnTheRisingEdge() {
		long a = this.config.channel();
		long b = this.config.channel();
		long condition = this.config.channel();
		this.config.rule("EVENT", "{\"conditionChannelId\":" + condition + ",\"edge\":\"RISING\"}", a, b);
		reloadRules();

		produce(List.of(num(a, 1, 1), num(b, 1, 2), bool(condition, 2, false), num(a, 3, 3), bool(condition, 4, true),
				bool(condition, 5, false), num(b, 6, 4), bool(condition, 7, true), num(a, 8, 5)));

		// The first condition value only sets the state; the falling edge at 5 stores
		// nothing.
		awaitStored(List.of(a, b), b + "@1=2", a + "@3=3", b + "@6=4");
	}

	@Test
	void triggerWhileTrueStoresSamplesArrivingWhileTheFormulaHolds() {
		long temperature = this.config.channel();
		long x = this.config.channel();
		this.config.rule("TRIGGER", "{\"formula\":\"#" + temperature + " > 50\",\"store\":\"WHILE_TRUE\"}", x);
		reloadRules();

		produce(List.of(num(temperature, 0, 10), num(x, 1, 1), num(temperature, 2, 60), num(x, 3, 2), num(x, 4, 3),
				num(temperature, 5, 40), num(x, 6, 4)));

		awaitStored(List.of(x), x + "@3=2", x + "@4=3");
	}

	@Test
	void triggerOnTransitionStoresCurrentValuesWhenTheFormulaFlips() {
		long temperature = this.config.channel();
		long x = this.config.channel();
		this.config.rule("TRIGGER", "{\"formula\":\"#" + temperature + " > 50\",\"store\":\"ON_TRANSITION\"}", x);
		reloadRules();

		produce(List.of(num(temperature, 0, 10), num(x, 1, 1), num(temperature, 2, 60), num(x, 3, 2), num(x, 4, 3),
				num(temperature, 5, 40), num(x, 6, 4)));

		awaitStored(List.of(x), x + "@1=1", x + "@4=3");
	}

	@Test
	void valueChangeBatchDefinitionRecordsBatchesAsTheyOpenAndClose() {
		long coil = this.config.channel();
		long definition = this.config.valueChangeBatch(coil);
		reloadRules();

		produce(List.of(text(coil, 1, "C-1001"), text(coil, 2, "C-1001"), text(coil, 3, "C-1002")));

		await().untilAsserted(() -> assertThat(queryRows("select name, extract(epoch from start_time - timestamptz '"
				+ T0 + "')::int, extract(epoch from end_time - timestamptz '" + T0
				+ "')::int from batch where definition_id = " + definition + " order by start_time"))
			.containsExactly("C-1001 1 3", "C-1002 3 null"));
	}

	@Test
	void fileRuleWritesCsvThatIsFinishedWhenItsSizeIsReached() throws Exception {
		long channel = this.config.channel();
		this.config.rule("CONTINUOUS", "{\"intervalMs\":0}", "FILE",
				"{\"directory\":\"it-" + channel + "\",\"naming\":\"{rule}.csv\",\"rotateSizeBytes\":1024}", channel);
		reloadRules();

		// about 35 bytes a row: the 1024-byte limit is passed well before the 60th row
		List<Sample> samples = new ArrayList<>(List.of(num(channel, 0, 1.5), text(channel, 1, "on")));
		for (int second = 2; second < 60; second++) {
			samples.add(num(channel, second, second));
		}
		produce(samples);

		java.nio.file.Path directory = csvDirectory().resolve("it-" + channel);
		await().ignoreExceptionsInstanceOf(java.nio.file.NoSuchFileException.class).untilAsserted(() -> {
			try (var files = java.nio.file.Files.list(directory)) {
				List<java.nio.file.Path> csv = files.filter((p) -> p.toString().endsWith(".csv")).toList();
				assertThat(csv).hasSize(1);
				List<String> lines = java.nio.file.Files.readAllLines(csv.get(0));
				assertThat(lines).startsWith("time,channel,value,quality", "2026-03-01T10:00:00Z," + channel + ",1.5,0",
						"2026-03-01T10:00:01Z," + channel + ",\"on\",0");
			}
		});
		// A FILE rule writes nothing to the database.
		awaitStored(List.of(channel));
	}

	@Test
	void aConfigEventHotReloadsTheRules() {
		long channel = this.config.channel();
		int before = this.catalog.get().rules().size();
		this.config.rule("CONTINUOUS", "{\"intervalMs\":0}", channel);

		publishConfig(new ConfigChanged(ConfigChanged.Entity.STORAGE_RULE, 99, ConfigChanged.Op.CREATED, 0));

		await().until(() -> this.catalog.get().rules().size() == before + 1);
		produce(List.of(num(channel, 0, 5)));
		awaitStored(List.of(channel), channel + "@0=5");
	}

	@Test
	void aRuleWhoseConfigEventWasMissedIsPickedUpByThePeriodicResync() {
		long channel = this.config.channel();
		long rule = this.config.rule("CONTINUOUS", "{\"intervalMs\":0}", channel);

		// no config event: pub/sub lost it
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.catalog.get().rules().stream().anyMatch((loaded) -> loaded.id() == rule));
		produce(List.of(num(channel, 0, 7)));
		awaitStored(List.of(channel), channel + "@0=7");
	}

	@Test
	void reloadingAnUnchangedConfigurationKeepsTheRulesAndTheirFormulaState() {
		long channel = this.config.channel();
		this.config.rule("TRIGGER", "{\"formula\":\"avg(#" + channel + ", 60) > 1\"}", channel);
		reloadRules();
		RuleSet loaded = this.catalog.get();

		assertThat(this.catalog.reload()).isFalse();
		assertThat(this.catalog.get()).isSameAs(loaded);

		// a new channel changes the configuration (the resync may see it first)
		this.config.channel();
		this.catalog.reload();
		assertThat(this.catalog.get()).isNotSameAs(loaded);
	}

	static void awaitStored(List<Long> channels, String... expected) {
		String ids = channels.stream().map(String::valueOf).collect(Collectors.joining(","));
		String sql = "select channel_id || '@' || extract(epoch from time - timestamptz '" + T0 + "')::int || '=' || "
				+ "coalesce(value_num::text, value_bool::text, value_text, 'null') from samples where channel_id in ("
				+ ids + ") order by time, channel_id";
		// generous: the ingest thread shares two cores with the whole build under CI
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(queryRows(sql)).containsExactly(expected));
	}

	static long micros(double seconds) {
		return Sample.toMicros(T0) + Math.round(seconds * 1_000_000);
	}

	static Sample num(long channel, double seconds, double value) {
		return new Sample(channel, micros(seconds), SampleValue.of(value), Quality.GOOD);
	}

	static Sample bool(long channel, double seconds, boolean value) {
		return new Sample(channel, micros(seconds), SampleValue.of(value), Quality.GOOD);
	}

	static Sample text(long channel, double seconds, String value) {
		return new Sample(channel, micros(seconds), SampleValue.of(value), Quality.GOOD);
	}

	static List<Sample> all(Sample... samples) {
		return new ArrayList<>(Arrays.asList(samples));
	}

}
