package io.parx.collector.mqtt;

import io.parx.common.discovery.SparkplugSurveyResult;

import java.util.Date;
import java.util.Map;

import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;

import io.parx.common.discovery.SparkplugSurveyResult.MetricSeen;
import io.parx.common.config.DataType;

/**
 * Sparkplug B metrics as the discovery lists them: name, alias, Tahu's type, the channel
 * data type that reads it and a value JSON can carry.
 */
final class SparkplugMetrics {

	private static final int MAX_VALUE_CHARS = 200;

	/**
	 * The channel data type each Sparkplug B type is read as (Tahu's types are constants
	 * of a class, not an enum); the others (arrays, data sets, templates, bytes, files)
	 * no channel holds.
	 */
	private static final Map<MetricDataType, DataType> CHANNEL_TYPES = Map.ofEntries(
			Map.entry(MetricDataType.Boolean, DataType.BOOL), Map.entry(MetricDataType.Int8, DataType.INT16),
			Map.entry(MetricDataType.Int16, DataType.INT16), Map.entry(MetricDataType.UInt8, DataType.UINT16),
			Map.entry(MetricDataType.UInt16, DataType.UINT16), Map.entry(MetricDataType.Int32, DataType.INT32),
			Map.entry(MetricDataType.UInt32, DataType.UINT32), Map.entry(MetricDataType.Int64, DataType.INT64),
			Map.entry(MetricDataType.UInt64, DataType.INT64), Map.entry(MetricDataType.DateTime, DataType.INT64),
			Map.entry(MetricDataType.Float, DataType.FLOAT32), Map.entry(MetricDataType.Double, DataType.FLOAT64),
			Map.entry(MetricDataType.String, DataType.STRING), Map.entry(MetricDataType.Text, DataType.STRING),
			Map.entry(MetricDataType.UUID, DataType.STRING));

	private SparkplugMetrics() {
	}

	/** A metric as its birth declares it. */
	static MetricSeen seen(Metric metric) {
		String name = metric.getName();
		MetricDataType type = metric.getDataType();
		return new MetricSeen(name, metric.hasAlias() ? metric.getAlias() : null,
				(type != null) ? type.getType() : null, channelType(type), value(metric));
	}

	/** The channel data type a metric of this Sparkplug type is read as, if any. */
	static DataType channelType(MetricDataType type) {
		return (type != null) ? CHANNEL_TYPES.get(type) : null;
	}

	/**
	 * The value as JSON shows it: booleans, numbers, strings cut to 200 characters, a
	 * date as epoch milliseconds; {@code null} for null and for what no channel holds.
	 */
	static Object value(Metric metric) {
		if (Boolean.TRUE.equals(metric.isNull())) {
			return null;
		}
		return switch (metric.getValue()) {
			case Boolean b -> b;
			case Number n -> n;
			case String s -> (s.length() > MAX_VALUE_CHARS) ? s.substring(0, MAX_VALUE_CHARS) + "…" : s;
			case Date d -> d.getTime();
			case null, default -> null;
		};
	}

}
