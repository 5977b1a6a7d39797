package io.parx.collector.modbus;

import java.util.List;

import io.parx.common.config.channel.RegisterType;

/**
 * One read of a contiguous range of one data table, covering one or more points.
 *
 * @param type the data table
 * @param start first address
 * @param count registers or bits to read
 * @param points the points inside the range, by address
 */
record ReadRequest(RegisterType type, int start, int count, List<ModbusPoint> points) {

	ReadRequest {
		points = List.copyOf(points);
	}

	static ReadRequest of(List<ModbusPoint> points) {
		int start = points.get(0).address();
		int end = points.stream().mapToInt(ModbusPoint::end).max().orElseThrow();
		return new ReadRequest(points.get(0).type(), start, end - start, points);
	}

}
