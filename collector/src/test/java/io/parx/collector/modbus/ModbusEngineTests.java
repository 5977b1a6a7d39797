package io.parx.collector.modbus;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parx.collector.engine.ChannelConfig;
import io.parx.collector.engine.ConnectionStatus;
import io.parx.collector.engine.ReadResult;
import io.parx.common.config.DataType;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.parx.collector.modbus.ModbusFixtures.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Modbus engine against a real j2mod Modbus TCP server started by the test. */
class ModbusEngineTests {

	private static final String[] LAYOUTS = { "ABCD", "CDAB", "BADC", "DCBA" };

	private TestModbusSlave slave;

	private ModbusEngine engine;

	private final Map<Long, Sample> latest = new ConcurrentHashMap<>();

	private final List<Sample> received = java.util.Collections.synchronizedList(new ArrayList<>());

	@BeforeEach
	void start() {
		this.slave = new TestModbusSlave(200, 64);
		this.engine = new ModbusEngine((batch) -> {
			this.received.addAll(batch);
			batch.forEach((sample) -> this.latest.put(sample.channelId(), sample));
		}, new ModbusSettings(Duration.ofMillis(500), 10, Duration.ofMillis(100), Duration.ofMillis(400),
				Duration.ofSeconds(1)), new SimpleMeterRegistry());
	}

	@AfterEach
	void stop() {
		this.engine.close();
		this.slave.close();
	}

	@Test
	void readsEveryDataTypeInEveryByteOrderThroughMergedRequests() {
		List<ChannelConfig> channels = new ArrayList<>();
		Map<Long, SampleValue> expected = new java.util.HashMap<>();
		int address = 0;
		long id = 1;
		Object[][] values = { { DataType.INT16, -1234 }, { DataType.UINT16, 65000 }, { DataType.INT32, -123456789 },
				{ DataType.UINT32, 4000000000L }, { DataType.INT64, -1234567890123L }, { DataType.FLOAT32, 3.5 },
				{ DataType.FLOAT64, -2.718281828 } };
		for (String layout : LAYOUTS) {
			for (Object[] value : values) {
				DataType type = (DataType) value[0];
				ChannelConfig channel = channel(id, type, address).device(this.slave.port()).order(layout).build();
				ModbusPoint point = ModbusPoint.of(channel);
				this.slave.holding(address, RegisterCodec.encode(point, value[1]));
				channels.add(channel);
				expected.put(id, SampleValue.of(((Number) value[1]).doubleValue()));
				address += point.count();
				id++;
			}
		}
		ChannelConfig text = channel(id, DataType.STRING, address).device(this.slave.port()).stringLength(5).build();
		this.slave.holding(address, RegisterCodec.encode(ModbusPoint.of(text), "PUMP-7"));
		channels.add(text);
		expected.put(id++, SampleValue.of("PUMP-7"));
		ChannelConfig scaled = channel(id, DataType.INT16, 150).device(this.slave.port())
			.table("INPUT_REGISTER")
			.scale(0.1, -40)
			.build();
		this.slave.input(150, new int[] { 650 });
		channels.add(scaled);
		expected.put(id++, SampleValue.of(25.0));
		ChannelConfig coil = channel(id, DataType.BOOL, 3).device(this.slave.port()).table("COIL").build();
		this.slave.coil(3, true);
		channels.add(coil);
		expected.put(id++, SampleValue.of(true));
		ChannelConfig input = channel(id, DataType.BOOL, 5).device(this.slave.port()).table("DISCRETE_INPUT").build();
		this.slave.discreteInput(5, true);
		channels.add(input);
		expected.put(id, SampleValue.of(true));

		this.engine.apply(channels);

		await().atMost(Duration.ofSeconds(10)).until(() -> this.latest.keySet().containsAll(expected.keySet()));
		expected.forEach((channelId, value) -> {
			Sample sample = this.latest.get(channelId);
			assertThat(sample.quality()).as("quality of %d", channelId).isEqualTo(Quality.GOOD);
			if (value instanceof SampleValue.Numeric number) {
				assertThat(sample.value().asDouble()).as("channel %d", channelId)
					.isCloseTo(number.value(), org.assertj.core.data.Offset.offset(1e-6));
			}
			else {
				assertThat(sample.value()).as("channel %d", channelId).isEqualTo(value);
			}
		});
		// 29 holding-register channels on adjacent addresses (69 registers): one read.
		List<PlannedRead> plan = plan();
		assertThat(plan).filteredOn((read) -> read.registerType().equals("HOLDING_REGISTER"))
			.singleElement()
			.satisfies((read) -> {
				assertThat(read.count()).isEqualTo(69);
				assertThat(read.channelIds()).hasSize(29);
			});
		assertThat(this.engine.status().connections()).singleElement()
			.satisfies((connection) -> assertThat(connection.state()).isEqualTo(ConnectionStatus.CONNECTED));
	}

	@Test
	void isolatesAnIllegalAddressToItsChannelWhileTheOthersKeepReading() {
		// The image ends at register 200: a channel at 199 needing two registers makes
		// the
		// merged read fail with exception 02 (Modbus Application Protocol §7).
		List<ChannelConfig> channels = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			this.slave.holding(190 + i, new int[] { 100 + i });
			channels.add(channel(i + 1, DataType.UINT16, 190 + i).device(this.slave.port()).build());
		}
		channels.add(channel(99, DataType.UINT32, 199).device(this.slave.port()).build());
		this.engine.apply(channels);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.latest.containsKey(99L) && this.latest.keySet().size() == 11);
		assertThat(this.latest.get(99L).quality()).isEqualTo(Quality.BAD_OUT_OF_RANGE);
		int before = this.received.size();
		await().until(() -> this.received.size() > before + 30);
		for (int i = 0; i < 10; i++) {
			Sample sample = this.latest.get(i + 1L);
			assertThat(sample.quality()).isEqualTo(Quality.GOOD);
			assertThat(sample.value()).isEqualTo(SampleValue.of(100.0 + i));
		}
		assertThat(plan()).anySatisfy((read) -> {
			assertThat(read.channelIds()).containsExactly(99L);
			assertThat(read.error()).contains("illegal data address");
		});
		assertThat(plan()).filteredOn((read) -> read.channelIds().size() > 1).isNotEmpty();
	}

	@Test
	void mergesTheReadsAgainOnceTheDeviceAnswersTheOffendingAddress() {
		// After a firmware or configuration change of the device, the isolated channel
		// must not cost an extra request forever.
		this.slave.holding(195, new int[] { 5 });
		this.engine.apply(List.of(channel(1, DataType.UINT16, 195).device(this.slave.port()).build(),
				channel(2, DataType.UINT16, 200).device(this.slave.port()).build()));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.latest.containsKey(2L) && this.latest.get(2L).quality() == Quality.BAD_OUT_OF_RANGE);
		assertThat(plan()).hasSize(2);

		this.slave.addHoldingRegister(77);
		await().atMost(Duration.ofSeconds(10)).until(() -> plan().size() == 1);
		assertThat(plan()).singleElement().satisfies((read) -> assertThat(read.channelIds()).containsExactly(1L, 2L));
		int before = this.received.size();
		await().until(() -> this.received.size() > before + 4);
		assertThat(this.latest.get(2L).value()).isEqualTo(SampleValue.of(77.0));
	}

	@Test
	void reconnectsAfterTheDeviceRestartsAndReportsNotConnectedMeanwhile() {
		this.slave.holding(0, new int[] { 42 });
		this.engine.apply(List.of(channel(1, DataType.UINT16, 0).device(this.slave.port()).build()));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.latest.containsKey(1L) && this.latest.get(1L).isGood());

		this.slave.stop();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.latest.get(1L).quality() == Quality.BAD_NOT_CONNECTED);
		await().until(() -> this.engine.status().connections().get(0).reconnectAttempts() >= 2);

		this.slave.holding(0, new int[] { 43 });
		this.slave.start();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.latest.get(1L).isGood() && this.latest.get(1L).value().asDouble() == 43);
		assertThat(this.engine.status().connections().get(0).state()).isEqualTo(ConnectionStatus.CONNECTED);
	}

	@Test
	void readsOnceForTheChannelTestWithoutPublishing() {
		this.slave.holding(7, new int[] { 0x4148, 0x0000 });
		ReadResult result = this.engine.readOnce(channel(0, DataType.FLOAT32, 7).device(this.slave.port()).build(),
				Duration.ofSeconds(2));
		assertThat(result.quality()).isEqualTo(Quality.GOOD);
		assertThat(result.value()).isEqualTo(SampleValue.of(12.5));
		ReadResult illegal = this.engine.readOnce(channel(0, DataType.INT16, 500).device(this.slave.port()).build(),
				Duration.ofSeconds(2));
		assertThat(illegal.quality()).isEqualTo(Quality.BAD_OUT_OF_RANGE);
		assertThat(illegal.error()).contains("illegal data address");
		assertThat(this.received).isEmpty();
	}

	@Test
	void pollsOnAFixedRateWithoutDrift() {
		// 50 ms timebase: after 2 s about 40 cycles, not fewer as a fixed-delay loop
		// would give.
		this.engine.apply(List
			.of(channel(1, DataType.UINT16, 0).device(this.slave.port()).interval(Duration.ofMillis(50)).build()));
		await().until(() -> !this.received.isEmpty());
		long start = this.received.get(0).timeMicros();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.received.get(this.received.size() - 1).timeMicros() - start >= 2_000_000);
		long cycles = this.received.stream().filter((s) -> s.timeMicros() - start <= 2_000_000).count();
		assertThat(cycles).isBetween(38L, 42L);
	}

	@Test
	void countsAPollThatStartsAWholePeriodLateAsAnOverrun() throws IOException {
		// a device that answers slower than the poll interval asks: the status page shows
		// the overruns instead of the poll rate silently dropping
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			// accepts connections (in its backlog) and never answers: every read waits
			// for the
			// request timeout, far beyond the 50 ms interval
			long before = this.engine.status().pollOverruns();
			this.engine.apply(List.of(channel(1, DataType.UINT16, 0).device(silent.getLocalPort())
				.interval(Duration.ofMillis(50))
				.build()));
			await().atMost(Duration.ofSeconds(30)).until(() -> this.engine.status().pollOverruns() > before);
			// and the device that overran says so in its connection's status
			assertThat(this.engine.status().connections()).anySatisfy((connection) -> {
				assertThat(connection.key()).endsWith(":" + silent.getLocalPort() + "/1");
				assertThat(connection.pollOverruns()).isPositive();
			});
		}
	}

	@Test
	void aMisconfiguredChannelIsBadConfigurationErrorAndDoesNotStopItsDevice() {
		// An address beyond the table cannot be built; the device's other channel still
		// runs.
		this.slave.holding(4, new int[] { 9 });
		ChannelConfig broken = channel(2, DataType.FLOAT64, 65534).device(this.slave.port()).build();
		this.engine.apply(List.of(channel(1, DataType.UINT16, 4).device(this.slave.port()).build(), broken));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.latest.containsKey(1L) && this.latest.get(1L).isGood() && this.latest.containsKey(2L));
		assertThat(this.latest.get(2L).quality()).isEqualTo(Quality.BAD_CONFIGURATION_ERROR);
		assertThat(this.engine.status().channels()).anySatisfy((status) -> {
			assertThat(status.channelId()).isEqualTo(1L);
			assertThat(status.lastValue()).isEqualTo(SampleValue.of(9.0));
			assertThat(status.lastGoodTime()).isNotNull();
		});
	}

	@SuppressWarnings("unchecked")
	private List<PlannedRead> plan() {
		return (List<PlannedRead>) this.engine.status().plan();
	}

}
