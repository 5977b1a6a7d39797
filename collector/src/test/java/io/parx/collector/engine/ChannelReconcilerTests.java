package io.parx.collector.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parx.common.config.DataType;
import io.parx.common.config.channel.Protocol;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconcile logic every engine shares, with hooks that record what they are asked to
 * do: the channel's settings {@code {"device": "a"}} name its group, a missing device is
 * a misconfiguration, device {@code "broken"} cannot be opened.
 */
class ChannelReconcilerTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<String> calls = new ArrayList<>();

	private final List<Sample> published = new ArrayList<>();

	private final ChannelStatusTracker tracker = new ChannelStatusTracker();

	private final ChannelReconciler<String, ChannelConfig, List<Long>> reconciler = new ChannelReconciler<>(
			Protocol.SIMULATOR, new RecordingHooks(), this.tracker, this.published::addAll);

	@Test
	void newChannelsOpenOneGroupPerKey() {
		ChannelDiff diff = this.reconciler.apply(List.of(channel(1, "a", 0), channel(2, "a", 0), channel(3, "b", 0)));
		assertThat(diff.added()).containsExactlyInAnyOrder(1L, 2L, 3L);
		assertThat(this.calls).containsExactly("open a [1, 2]", "open b [3]");
		assertThat(this.reconciler.running()).containsOnlyKeys("a", "b");
	}

	@Test
	void anUnchangedSetTouchesNothing() {
		List<ChannelConfig> channels = List.of(channel(1, "a", 0), channel(2, "b", 0));
		this.reconciler.apply(channels);
		this.calls.clear();
		ChannelDiff diff = this.reconciler.apply(channels);
		assertThat(diff.isEmpty()).isTrue();
		assertThat(this.calls).isEmpty();
	}

	@Test
	void aChangedChannelUpdatesOnlyItsGroup() {
		this.reconciler.apply(List.of(channel(1, "a", 0), channel(2, "b", 0)));
		this.calls.clear();
		ChannelDiff diff = this.reconciler.apply(List.of(channel(1, "a", 1), channel(2, "b", 0)));
		assertThat(diff.changed()).containsExactly(1L);
		assertThat(this.calls).containsExactly("update a [1]");
	}

	@Test
	void aChannelMovedToAnotherKeyUpdatesBothAndAnEmptiedGroupCloses() {
		this.reconciler.apply(List.of(channel(1, "a", 0), channel(2, "a", 0), channel(3, "b", 0)));
		this.calls.clear();
		this.reconciler.apply(List.of(channel(1, "a", 0), channel(2, "b", 1)));
		assertThat(this.calls).containsExactlyInAnyOrder("update a [1]", "update b [2]");
		this.calls.clear();
		ChannelDiff diff = this.reconciler.apply(List.of(channel(2, "b", 1)));
		assertThat(diff.removed()).containsExactly(1L);
		assertThat(this.calls).containsExactly("close [1]");
		assertThat(this.reconciler.running()).containsOnlyKeys("b");
	}

	@Test
	void disabledUnsavedAndOtherProtocolsChannelsDoNotRun() {
		ChannelConfig disabled = new ChannelConfig(4, "off", DataType.FLOAT64, 1, 0, Duration.ofSeconds(1), false, null,
				List.of(), Protocol.SIMULATOR, JSON.readTree("{\"device\":\"a\"}"), 0);
		ChannelConfig modbus = new ChannelConfig(5, "mb", DataType.FLOAT64, 1, 0, Duration.ofSeconds(1), true, null,
				List.of(), Protocol.MODBUS_TCP, JSON.readTree("{\"device\":\"a\"}"), 0);
		this.reconciler.apply(List.of(disabled, modbus, channel(0, "a", 0)));
		assertThat(this.calls).isEmpty();
	}

	@Test
	void aMisconfiguredChannelIsReportedOnceWithItsReasonAndTheOthersRun() {
		List<ChannelConfig> channels = List.of(channel(1, "a", 0), channel(2, null, 0));
		this.reconciler.apply(channels);
		this.reconciler.apply(channels);
		assertThat(this.calls).containsExactly("open a [1]");
		assertThat(this.published).singleElement().satisfies((sample) -> {
			assertThat(sample.channelId()).isEqualTo(2);
			assertThat(sample.quality()).isEqualTo(Quality.BAD_CONFIGURATION_ERROR);
		});
		assertThat(status(2).state()).isEqualTo(ChannelState.MISCONFIGURED);
		assertThat(status(2).reason()).isEqualTo("device is required");
		assertThat(this.reconciler.misconfigured()).containsExactly(2L);
	}

	@Test
	void aFixedChannelRunsAndLosesItsReason() {
		this.reconciler.apply(List.of(channel(2, null, 0)));
		this.reconciler.apply(List.of(channel(2, "a", 1)));
		assertThat(this.calls).containsExactly("open a [2]");
		assertThat(status(2).state()).isEqualTo(ChannelState.RUNNING);
		assertThat(status(2).reason()).isNull();
		assertThat(this.reconciler.misconfigured()).isEmpty();
	}

	@Test
	void aGroupThatCannotOpenMakesItsChannelsMisconfiguredAndIsTriedAgain() {
		this.reconciler.apply(List.of(channel(1, "broken", 0), channel(2, "a", 0)));
		assertThat(status(1).reason()).isEqualTo("trust store unreadable");
		assertThat(this.reconciler.running()).containsOnlyKeys("a");
		this.reconciler.apply(List.of(channel(1, "broken", 0), channel(2, "a", 0)));
		assertThat(this.calls).containsExactly("open a [2]");
		assertThat(this.published).hasSize(1);
	}

	@Test
	void aRemovedMisconfiguredChannelLeavesTheStatus() {
		this.reconciler.apply(List.of(channel(2, null, 0)));
		this.reconciler.apply(List.of());
		assertThat(this.tracker.snapshot()).isEmpty();
	}

	@Test
	void theDiffNamesAddedChangedAndRemovedChannels() {
		ChannelDiff diff = ChannelDiff.between(Map.of(1L, channel(1, "a", 0), 2L, channel(2, "a", 0)),
				List.of(channel(2, "a", 1), channel(3, "a", 0)));
		assertThat(diff.added()).containsExactly(3L);
		assertThat(diff.changed()).containsExactly(2L);
		assertThat(diff.removed()).containsExactly(1L);
	}

	private ChannelStatus status(long id) {
		return this.tracker.snapshot().stream().filter((s) -> s.channelId() == id).findFirst().orElseThrow();
	}

	private static ChannelConfig channel(long id, String device, long version) {
		String settings = (device != null) ? "{\"device\":\"" + device + "\"}" : "{}";
		return new ChannelConfig(id, "c" + id, DataType.FLOAT64, 1, 0, Duration.ofSeconds(1), true, null, List.of(),
				Protocol.SIMULATOR, JSON.readTree(settings), version);
	}

	private final class RecordingHooks implements ChannelReconciler.Hooks<String, ChannelConfig, List<Long>> {

		@Override
		public ChannelConfig channel(ChannelConfig config) {
			if (!config.settings().has("device")) {
				throw new IllegalArgumentException("device is required");
			}
			return config;
		}

		@Override
		public String key(ChannelConfig config, ChannelConfig channel) {
			return config.settings().path("device").asString();
		}

		@Override
		public List<Long> open(String key, List<ChannelConfig> channels) {
			if (key.equals("broken")) {
				throw new IllegalStateException("trust store unreadable");
			}
			List<Long> ids = new ArrayList<>(channels.stream().map(ChannelConfig::id).toList());
			ChannelReconcilerTests.this.calls.add("open " + key + " " + ids);
			return ids;
		}

		@Override
		public void update(List<Long> running, List<ChannelConfig> channels) {
			running.clear();
			running.addAll(channels.stream().map(ChannelConfig::id).toList());
			String key = channels.getFirst().settings().path("device").asString();
			ChannelReconcilerTests.this.calls.add("update " + key + " " + running);
		}

		@Override
		public void close(List<Long> running) {
			ChannelReconcilerTests.this.calls.add("close " + running);
		}

	}

}
