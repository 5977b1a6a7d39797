package io.parx.collector.modbus;

import java.util.List;
import java.util.Map;

import io.parx.collector.channels.ApiSavedConfigs;
import io.parx.common.config.channel.ByteOrder;
import io.parx.common.config.channel.Protocol;
import io.parx.common.config.channel.RegisterType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Modbus channel saved through the admin-api with only its required settings is read
 * with the contract's defaults, and leaves unset what the collector has a setting for.
 */
class ApiSavedModbusChannelTests {

	@Test
	void theStoredDocumentIsReadWithTheContractsDefaults() {
		ModbusPoint point = ModbusPoint.of(ApiSavedConfigs.stored(1, Protocol.MODBUS_TCP));
		assertThat(point.device()).isEqualTo(new DeviceKey("plc-7", 502, 1));
		assertThat(point.type()).isEqualTo(RegisterType.HOLDING_REGISTER);
		assertThat(point.address()).isEqualTo(100);
		assertThat(point.count()).isEqualTo(2);
		assertThat(point.bytes()).isEqualTo(ByteOrder.ABCD);
		assertThat(point.swapWords()).isFalse();
	}

	@Test
	void timeoutGapAndRequestSizeAreLeftToTheCollectorsSettings() {
		// the admin-api used to store timeoutMs 3000 and maxGap 10 in every channel,
		// which
		// hid parx.collector.modbus.timeout and max-gap (issue #18)
		ModbusPoint point = ModbusPoint.of(ApiSavedConfigs.stored(1, Protocol.MODBUS_TCP));
		assertThat(point.timeoutMs()).isZero();
		assertThat(point.maxGap()).isEqualTo(-1);
		assertThat(point.maxPerRequest()).isZero();
	}

	@Test
	void aRaisedCollectorMaxGapAppliesToApiSavedChannels() {
		// with maxGap 10 stored in every channel, raising parx.collector.modbus.max-gap
		// changed nothing: the planner takes the smallest gap of the device's channels
		ModbusPoint first = ModbusPoint.of(ApiSavedConfigs.stored(1, Protocol.MODBUS_TCP));
		ModbusPoint far = ModbusPoint.of(ApiSavedConfigs.stored(2, Protocol.MODBUS_TCP, Map.of("address", 140)));
		assertThat(RequestPlanner.plan(List.of(first, far), 40)).hasSize(1);

		ModbusPoint oldDefault = ModbusPoint
			.of(ApiSavedConfigs.stored(3, Protocol.MODBUS_TCP, Map.of("address", 140, "maxGap", 10)));
		assertThat(RequestPlanner.plan(List.of(first, oldDefault), 40)).hasSize(2);
	}

}
