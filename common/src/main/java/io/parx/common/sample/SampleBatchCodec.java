package io.parx.common.sample;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes a batch of samples for the Redis stream, the live channel, the latest-value
 * hash and the collector's disk buffer. Binary, versioned by its first byte, and compact:
 * variable-length integers, timestamps as deltas from the previous sample, whole numbers
 * as integers. Chosen over JSON by measurement (docs/ARCHITECTURE.md, "Sample encoding").
 *
 * <pre>
 * batch   = version:u8 count:uvarint sample*
 * sample  = channelId:uvarint timeDelta:svarint quality:uvarint tag:u8 payload
 * tag     = 0 absent | 1 float64 (8 bytes, big-endian) | 2 true | 3 false
 *         | 4 text (uvarint length, UTF-8) | 5 whole number (svarint)
 * </pre>
 *
 * The first sample's time delta is relative to 0. Instances are stateless and
 * thread-safe.
 */
public final class SampleBatchCodec {

	public static final byte VERSION_1 = 1;

	private static final int TAG_ABSENT = 0;

	private static final int TAG_FLOAT64 = 1;

	private static final int TAG_TRUE = 2;

	private static final int TAG_FALSE = 3;

	private static final int TAG_TEXT = 4;

	private static final int TAG_WHOLE = 5;

	/**
	 * Largest whole number sent as an integer: beyond 2^53 a double cannot hold every
	 * integer anyway.
	 */
	private static final double MAX_WHOLE = 9007199254740992d;

	private SampleBatchCodec() {
	}

	public static byte[] encode(List<Sample> samples) {
		Writer out = new Writer(16 + samples.size() * 12);
		out.u8(VERSION_1);
		out.uvarint(samples.size());
		long previousTime = 0;
		for (Sample sample : samples) {
			out.uvarint(sample.channelId());
			out.svarint(sample.timeMicros() - previousTime);
			previousTime = sample.timeMicros();
			out.uvarint(Integer.toUnsignedLong(sample.quality()));
			writeValue(out, sample.value());
		}
		return out.toByteArray();
	}

	public static byte[] encode(Sample sample) {
		return encode(List.of(sample));
	}

	/**
	 * Decodes what {@link #encode(List)} produced.
	 * @throws SampleCodecException if the bytes are not a batch of a known version
	 */
	public static List<Sample> decode(byte[] bytes) {
		Reader in = new Reader(bytes);
		try {
			int version = in.u8();
			if (version != VERSION_1) {
				throw new SampleCodecException("unknown sample batch version " + version);
			}
			long count = in.uvarint();
			// Each sample takes at least 4 bytes: a bound that stops a corrupt count from
			// allocating gigabytes.
			if (count < 0 || count > bytes.length / 4) {
				throw new SampleCodecException("sample count " + count + " does not fit in " + bytes.length + " bytes");
			}
			List<Sample> samples = new ArrayList<>((int) count);
			long time = 0;
			for (int i = 0; i < count; i++) {
				long channelId = in.uvarint();
				time += in.svarint();
				long quality = in.uvarint();
				if (quality > 0xFFFFFFFFL) {
					throw new SampleCodecException("quality out of range at sample " + i);
				}
				SampleValue value = readValue(in);
				samples.add(new Sample(channelId, time, value, (int) quality));
			}
			if (in.remaining() != 0) {
				throw new SampleCodecException(in.remaining() + " trailing bytes after " + count + " samples");
			}
			return samples;
		}
		catch (ArrayIndexOutOfBoundsException ex) {
			throw new SampleCodecException("sample batch is truncated", ex);
		}
		catch (IllegalArgumentException ex) {
			throw new SampleCodecException("invalid sample: " + ex.getMessage(), ex);
		}
	}

	/** Decodes a single-sample batch, as stored in the latest-value hash. */
	public static Sample decodeOne(byte[] bytes) {
		List<Sample> samples = decode(bytes);
		if (samples.size() != 1) {
			throw new SampleCodecException("expected one sample, found " + samples.size());
		}
		return samples.get(0);
	}

	private static void writeValue(Writer out, SampleValue value) {
		switch (value) {
			case null -> out.u8(TAG_ABSENT);
			case SampleValue.Bool bool -> out.u8(bool.value() ? TAG_TRUE : TAG_FALSE);
			case SampleValue.Text text -> {
				byte[] utf8 = text.value().getBytes(StandardCharsets.UTF_8);
				out.u8(TAG_TEXT);
				out.uvarint(utf8.length);
				out.bytes(utf8);
			}
			case SampleValue.Numeric numeric -> {
				double v = numeric.value();
				if (v == Math.rint(v) && Math.abs(v) <= MAX_WHOLE && !(v == 0 && 1 / v < 0)) {
					out.u8(TAG_WHOLE);
					out.svarint((long) v);
				}
				else {
					out.u8(TAG_FLOAT64);
					out.int64(Double.doubleToRawLongBits(v));
				}
			}
		}
	}

	private static SampleValue readValue(Reader in) {
		int tag = in.u8();
		return switch (tag) {
			case TAG_ABSENT -> null;
			case TAG_FLOAT64 -> new SampleValue.Numeric(Double.longBitsToDouble(in.int64()));
			case TAG_WHOLE -> new SampleValue.Numeric(in.svarint());
			case TAG_TRUE -> SampleValue.Bool.TRUE;
			case TAG_FALSE -> SampleValue.Bool.FALSE;
			case TAG_TEXT -> {
				long length = in.uvarint();
				if (length > in.remaining()) {
					throw new SampleCodecException("text length " + length + " exceeds the batch");
				}
				yield new SampleValue.Text(in.utf8((int) length));
			}
			default -> throw new SampleCodecException("unknown value tag " + tag);
		};
	}

	private static final class Writer {

		private byte[] buffer;

		private int position;

		Writer(int capacity) {
			this.buffer = new byte[capacity];
		}

		void u8(int value) {
			ensure(1);
			this.buffer[this.position++] = (byte) value;
		}

		void uvarint(long value) {
			ensure(10);
			while ((value & ~0x7FL) != 0) {
				this.buffer[this.position++] = (byte) ((value & 0x7F) | 0x80);
				value >>>= 7;
			}
			this.buffer[this.position++] = (byte) value;
		}

		void svarint(long value) {
			uvarint((value << 1) ^ (value >> 63));
		}

		void int64(long value) {
			ensure(8);
			for (int shift = 56; shift >= 0; shift -= 8) {
				this.buffer[this.position++] = (byte) (value >>> shift);
			}
		}

		void bytes(byte[] bytes) {
			ensure(bytes.length);
			System.arraycopy(bytes, 0, this.buffer, this.position, bytes.length);
			this.position += bytes.length;
		}

		private void ensure(int extra) {
			if (this.position + extra > this.buffer.length) {
				this.buffer = Arrays.copyOf(this.buffer, Math.max(this.buffer.length * 2, this.position + extra));
			}
		}

		byte[] toByteArray() {
			return Arrays.copyOf(this.buffer, this.position);
		}

	}

	private static final class Reader {

		private final byte[] buffer;

		private int position;

		Reader(byte[] buffer) {
			this.buffer = buffer;
		}

		int u8() {
			return this.buffer[this.position++] & 0xFF;
		}

		long uvarint() {
			long result = 0;
			for (int shift = 0; shift < 64; shift += 7) {
				byte b = this.buffer[this.position++];
				result |= (long) (b & 0x7F) << shift;
				if (b >= 0) {
					return result;
				}
			}
			throw new SampleCodecException("variable-length integer longer than 10 bytes");
		}

		long svarint() {
			long raw = uvarint();
			return (raw >>> 1) ^ -(raw & 1);
		}

		long int64() {
			long value = 0;
			for (int i = 0; i < 8; i++) {
				value = (value << 8) | (this.buffer[this.position++] & 0xFF);
			}
			return value;
		}

		String utf8(int length) {
			String text = new String(this.buffer, this.position, length, StandardCharsets.UTF_8);
			this.position += length;
			return text;
		}

		int remaining() {
			return this.buffer.length - this.position;
		}

	}

}
