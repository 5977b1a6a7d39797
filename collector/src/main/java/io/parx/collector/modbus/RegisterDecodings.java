package io.parx.collector.modbus;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.parx.collector.engine.ChannelConfig;
import io.parx.common.config.DataType;
import io.parx.common.config.channel.ByteOrder;
import io.parx.common.config.channel.Protocol;
import io.parx.common.config.channel.RegisterType;

/**
 * Every reading of a register position the channel settings allow: each numeric data type
 * in each byte layout, decoded by the engine's own {@link RegisterCodec} as a channel
 * with that data type and {@code byteOrder} (scale 1, offset 0) would read it, so the
 * engineer who recognises a value has found the settings that read it. A value of one
 * register has two layouts (CDAB reads as ABCD, DCBA as BADC).
 */
final class RegisterDecodings {

	/** The types decoded, in the order shown. */
	static final List<DataType> TYPES = List.of(DataType.INT16, DataType.UINT16, DataType.INT32, DataType.UINT32,
			DataType.FLOAT32, DataType.INT64, DataType.FLOAT64);

	private final Map<DataType, Map<ByteOrder, ModbusPoint>> points = new EnumMap<>(DataType.class);

	RegisterDecodings(DeviceKey device, RegisterType table) {
		for (DataType type : TYPES) {
			ChannelConfig channel = new ChannelConfig(0, "discovery-" + type, type, 1, 0, Duration.ofSeconds(1), true,
					null, List.of(), Protocol.MODBUS_TCP, null, 0);
			Map<ByteOrder, ModbusPoint> layouts = new EnumMap<>(ByteOrder.class);
			for (ByteOrder order : ByteOrder.values()) {
				if (type.registers() == 1 && order.swapWords()) {
					continue;
				}
				layouts.put(order, new ModbusPoint(channel, device, table, 0, type.registers(), order,
						order.swapWords(), 0, 0, -1));
			}
			this.points.put(type, layouts);
		}
	}

	/**
	 * The readings of the value starting at {@code offset}, for the types whose registers
	 * were all read.
	 * @param words the registers read, 16-bit unsigned
	 * @param read how many registers from {@code offset} on were read without a gap
	 */
	Map<DataType, Map<ByteOrder, Number>> decode(int[] words, int offset, int read) {
		Map<DataType, Map<ByteOrder, Number>> values = new EnumMap<>(DataType.class);
		this.points.forEach((type, layouts) -> {
			if (type.registers() > read) {
				return;
			}
			Map<ByteOrder, Number> byLayout = new EnumMap<>(ByteOrder.class);
			layouts.forEach((order, point) -> byLayout.put(order,
					number(type, RegisterCodec.decode(point, words, offset).asDouble())));
			values.put(type, byLayout);
		});
		return values;
	}

	/**
	 * Whole numbers for the integer types; {@code null} for a float that is no number
	 * (NaN or infinite, which JSON cannot carry), itself a sign the layout is wrong.
	 */
	private static Number number(DataType type, double value) {
		if (!Double.isFinite(value)) {
			return null;
		}
		if (type == DataType.FLOAT32) {
			// a float as it is (12.1, not 12.100000381469727)
			return (float) value;
		}
		if (type == DataType.FLOAT64) {
			return value;
		}
		return (long) value;
	}

}
