package io.parx.collector.modbus;

import java.util.ArrayList;
import java.util.List;

import io.parx.common.config.DataType;
import io.parx.common.config.channel.RegisterType;
import org.junit.jupiter.api.Test;

import static io.parx.collector.modbus.ModbusFixtures.channel;
import static org.assertj.core.api.Assertions.assertThat;

class RequestPlannerTests {

	@Test
	void mergesAdjacentChannelsOfOneTableIntoOneRead() {
		List<ReadRequest> plan = RequestPlanner.plan(List.of(channel(1, DataType.FLOAT32, 0).point(),
				channel(2, DataType.INT16, 2).point(), channel(3, DataType.FLOAT64, 3).point()), 0);
		assertThat(plan).singleElement().satisfies((read) -> {
			assertThat(read.start()).isZero();
			assertThat(read.count()).isEqualTo(7);
			assertThat(read.points()).extracting(ModbusPoint::channelId).containsExactly(1L, 2L, 3L);
		});
	}

	@Test
	void bridgesGapsUpToTheMaximumGapOnly() {
		var a = channel(1, DataType.INT16, 0).point();
		var b = channel(2, DataType.INT16, 6).point();
		assertThat(RequestPlanner.plan(List.of(a, b), 5)).hasSize(1);
		assertThat(RequestPlanner.plan(List.of(a, b), 4)).hasSize(2);
	}

	@Test
	void neverAsksForMoreThan125RegistersOr2000Coils() {
		// Modbus Application Protocol §6.3: quantity of registers 1 to 125.
		List<ModbusPoint> registers = new ArrayList<>();
		List<ModbusPoint> coils = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			registers.add(channel(i + 1, DataType.INT16, i).point());
		}
		for (int i = 0; i < 5000; i++) {
			coils.add(channel(10_000 + i, DataType.BOOL, i).table("COIL").point());
		}
		List<ReadRequest> registerPlan = RequestPlanner.plan(registers, 10);
		assertThat(registerPlan).hasSize(8).allSatisfy((read) -> assertThat(read.count()).isLessThanOrEqualTo(125));
		List<ReadRequest> coilPlan = RequestPlanner.plan(coils, 10);
		assertThat(coilPlan).hasSize(3).allSatisfy((read) -> assertThat(read.count()).isLessThanOrEqualTo(2000));
	}

	@Test
	void honoursALowerPerDeviceLimitAndNeverSplitsAValue() {
		List<ModbusPoint> points = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			points.add(channel(i + 1, DataType.FLOAT32, i * 2).set("maxRegistersPerRequest", 5).point());
		}
		List<ReadRequest> plan = RequestPlanner.plan(points, 10);
		assertThat(plan).allSatisfy((read) -> {
			assertThat(read.count()).isLessThanOrEqualTo(5);
			assertThat(read.count() % 2).isZero();
		});
		assertThat(plan.stream().mapToInt((read) -> read.points().size()).sum()).isEqualTo(10);
	}

	@Test
	void keepsDataTablesApart() {
		List<ReadRequest> plan = RequestPlanner.plan(List.of(channel(1, DataType.INT16, 0).point(),
				channel(2, DataType.INT16, 1).table("INPUT_REGISTER").point()), 10);
		assertThat(plan).extracting(ReadRequest::type)
			.containsExactlyInAnyOrder(RegisterType.HOLDING_REGISTER, RegisterType.INPUT_REGISTER);
	}

}
