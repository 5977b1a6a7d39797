package io.parx.collector.modbus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.parx.collector.engine.ChannelConfig;
import io.parx.common.config.DataType;
import io.parx.common.sample.SampleValue;

/**
 * Turns registers into values and back. Registers travel big-endian (Modbus Application
 * Protocol §4.2); multi-register values follow the point's byte layout and word order.
 * Strings are two characters per register, NUL-padded.
 */
final class RegisterCodec {

	private RegisterCodec() {
	}

	/**
	 * Decodes a value from {@code point.count()} registers starting at {@code offset} of
	 * {@code words} (16-bit unsigned), applying scale and offset to numbers.
	 */
	static SampleValue decode(ModbusPoint point, int[] words, int offset) {
		byte[] bytes = toBytes(point, words, offset);
		ChannelConfig channel = point.channel();
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		return switch (channel.dataType()) {
			case BOOL -> SampleValue.of(buffer.getShort() != 0);
			case INT16 -> SampleValue.of(channel.scaled(buffer.getShort()));
			case UINT16 -> SampleValue.of(channel.scaled(Short.toUnsignedInt(buffer.getShort())));
			case INT32 -> SampleValue.of(channel.scaled(buffer.getInt()));
			case UINT32 -> SampleValue.of(channel.scaled(Integer.toUnsignedLong(buffer.getInt())));
			case INT64 -> SampleValue.of(channel.scaled(buffer.getLong()));
			case FLOAT32 -> SampleValue.of(channel.scaled(buffer.getFloat()));
			case FLOAT64 -> SampleValue.of(channel.scaled(buffer.getDouble()));
			case STRING -> {
				int length = 0;
				while (length < bytes.length && bytes[length] != 0) {
					length++;
				}
				yield SampleValue.of(new String(bytes, 0, length, StandardCharsets.UTF_8).strip());
			}
		};
	}

	/** A bit (coil or discrete input) as the channel's type: BOOL, or 0/1 for numbers. */
	static SampleValue decodeBit(ModbusPoint point, boolean bit) {
		ChannelConfig channel = point.channel();
		return (channel.dataType() == DataType.BOOL) ? SampleValue.of(bit)
				: SampleValue.of(channel.scaled(bit ? 1 : 0));
	}

	/**
	 * Encodes a raw (unscaled) value into registers in the point's layout; the inverse of
	 * {@link #decode} for writes and test devices.
	 */
	static int[] encode(ModbusPoint point, Object raw) {
		ByteBuffer buffer = ByteBuffer.allocate(point.count() * 2);
		switch (point.channel().dataType()) {
			case BOOL -> buffer.putShort((short) (((Boolean) raw) ? 1 : 0));
			case INT16, UINT16 -> buffer.putShort((short) ((Number) raw).intValue());
			case INT32, UINT32 -> buffer.putInt((int) ((Number) raw).longValue());
			case INT64 -> buffer.putLong(((Number) raw).longValue());
			case FLOAT32 -> buffer.putFloat(((Number) raw).floatValue());
			case FLOAT64 -> buffer.putDouble(((Number) raw).doubleValue());
			case STRING -> {
				byte[] text = ((String) raw).getBytes(StandardCharsets.UTF_8);
				buffer.put(text, 0, Math.min(text.length, buffer.capacity()));
			}
		}
		return toWords(point, buffer.array());
	}

	private static byte[] toBytes(ModbusPoint point, int[] words, int offset) {
		int count = point.count();
		byte[] bytes = new byte[count * 2];
		boolean text = point.channel().dataType() == DataType.STRING;
		for (int i = 0; i < count; i++) {
			int word = words[offset + ((point.swapWords() && !text) ? count - 1 - i : i)];
			byte high = (byte) (word >>> 8);
			byte low = (byte) word;
			bytes[2 * i] = point.bytes().swapBytes() ? low : high;
			bytes[2 * i + 1] = point.bytes().swapBytes() ? high : low;
		}
		return bytes;
	}

	private static int[] toWords(ModbusPoint point, byte[] bytes) {
		int count = point.count();
		int[] words = new int[count];
		boolean text = point.channel().dataType() == DataType.STRING;
		for (int i = 0; i < count; i++) {
			int high = bytes[2 * i] & 0xFF;
			int low = bytes[2 * i + 1] & 0xFF;
			int word = point.bytes().swapBytes() ? (low << 8) | high : (high << 8) | low;
			words[(point.swapWords() && !text) ? count - 1 - i : i] = word;
		}
		return words;
	}

}
