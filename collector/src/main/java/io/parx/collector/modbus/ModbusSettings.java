package io.parx.collector.modbus;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Modbus TCP engine ({@code parx.collector.modbus}); channel settings override the
 * per-device values.
 *
 * @param timeout request timeout of a device whose channels set no {@code timeoutMs}
 * @param maxGap registers (or bits) the planner may read needlessly to merge two reads,
 * unless channels set a lower {@code maxGap}
 * @param reconnectInitial first delay before reconnecting to a device
 * @param reconnectMax upper bound of the exponential reconnect delay
 * @param replanInterval how often a plan split by exception responses is merged again, in
 * case the device now answers the offending addresses
 */
@ConfigurationProperties("parx.collector.modbus")
public record ModbusSettings(@DefaultValue("1s") Duration timeout, @DefaultValue("10") int maxGap,
		@DefaultValue("500ms") Duration reconnectInitial, @DefaultValue("30s") Duration reconnectMax,
		@DefaultValue("5m") Duration replanInterval) {

	public ModbusSettings {
		if (maxGap < 0) {
			throw new IllegalArgumentException("maxGap must not be negative");
		}
	}

}
