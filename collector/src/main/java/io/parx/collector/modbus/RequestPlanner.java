package io.parx.collector.modbus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.parx.common.config.channel.RegisterType;

/**
 * Merges the points of one device and timebase into as few reads as possible: points of
 * the same data table are sorted by address and joined while the read stays within the
 * request limit (125 registers or 2000 bits, Modbus Application Protocol §6.1-6.4, or a
 * lower per-device limit) and the hole between two points is at most {@code maxGap}.
 */
final class RequestPlanner {

	private RequestPlanner() {
	}

	static List<ReadRequest> plan(List<ModbusPoint> points, int defaultMaxGap) {
		Map<RegisterType, List<ModbusPoint>> byType = new TreeMap<>();
		for (ModbusPoint point : points) {
			byType.computeIfAbsent(point.type(), (t) -> new ArrayList<>()).add(point);
		}
		List<ReadRequest> requests = new ArrayList<>();
		byType.forEach((type, list) -> requests.addAll(planTable(type, list, defaultMaxGap)));
		return requests;
	}

	private static List<ReadRequest> planTable(RegisterType type, List<ModbusPoint> points, int defaultMaxGap) {
		int limit = type.maxPerRequest();
		int maxGap = defaultMaxGap;
		for (ModbusPoint point : points) {
			if (point.maxPerRequest() > 0) {
				limit = Math.min(limit, point.maxPerRequest());
			}
			if (point.maxGap() >= 0) {
				maxGap = Math.min(maxGap, point.maxGap());
			}
		}
		List<ModbusPoint> sorted = new ArrayList<>(points);
		sorted.sort(Comparator.comparingInt(ModbusPoint::address).thenComparingLong(ModbusPoint::channelId));
		List<ReadRequest> requests = new ArrayList<>();
		List<ModbusPoint> current = new ArrayList<>();
		int start = 0;
		int end = 0;
		for (ModbusPoint point : sorted) {
			boolean fits = !current.isEmpty() && point.address() - end <= maxGap
					&& Math.max(end, point.end()) - start <= limit;
			if (!fits && !current.isEmpty()) {
				requests.add(ReadRequest.of(current));
				current = new ArrayList<>();
			}
			if (current.isEmpty()) {
				start = point.address();
				end = point.end();
			}
			current.add(point);
			end = Math.max(end, point.end());
		}
		if (!current.isEmpty()) {
			requests.add(ReadRequest.of(current));
		}
		return requests;
	}

}
