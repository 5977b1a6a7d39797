package io.parx.common.config.channel;

import java.util.Map;
import java.util.Optional;

import io.parx.common.config.DataType;

/**
 * The channel data type for an OPC UA built-in data type (Part 6 §5.1.2), by its browse
 * name as the collector's discovery reports it ({@code Double}, {@code UInt16}): the one
 * mapping the collector's browse and the admin-api's "channels from a selection" share.
 * Types without a lossless channel type (DateTime, ByteString, structures, arrays) have
 * none; the engineer chooses one.
 */
public final class OpcUaDataTypes {

	private static final Map<String, DataType> CHANNEL_TYPES = Map.ofEntries(Map.entry("Boolean", DataType.BOOL),
			Map.entry("SByte", DataType.INT16), Map.entry("Byte", DataType.UINT16), Map.entry("Int16", DataType.INT16),
			Map.entry("UInt16", DataType.UINT16), Map.entry("Int32", DataType.INT32),
			Map.entry("UInt32", DataType.UINT32), Map.entry("Int64", DataType.INT64),
			// UInt64 above 2^63 does not fit; the collector reads it as a number either
			// way
			Map.entry("UInt64", DataType.INT64), Map.entry("Float", DataType.FLOAT32),
			Map.entry("Double", DataType.FLOAT64),
			// Duration (i=290) is a Double in milliseconds (Part 3 §8.13)
			Map.entry("Duration", DataType.FLOAT64), Map.entry("String", DataType.STRING),
			Map.entry("LocalizedText", DataType.STRING));

	private OpcUaDataTypes() {
	}

	/**
	 * @param opcUaType the built-in type's name, e.g. {@code Double}
	 * @return the channel data type, empty when there is none
	 */
	public static Optional<DataType> channelType(String opcUaType) {
		return Optional.ofNullable((opcUaType != null) ? CHANNEL_TYPES.get(opcUaType) : null);
	}

}
