package io.parx.storage.timeseries;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;

/**
 * Encodes samples in PostgreSQL's binary COPY format (PostgreSQL docs, "COPY", "Binary
 * Format") for the columns {@code (channel_id, time, value_num, value_bool, value_text,
 * quality)}. Binary avoids formatting and parsing numbers and timestamps as text on both
 * sides.
 */
public final class PgBinaryCopy {

	/** The columns, in encoding order. */
	public static final String COLUMNS = "channel_id, time, value_num, value_bool, value_text, quality";

	private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };

	/** Microseconds between the Unix epoch and PostgreSQL's (2000-01-01T00:00Z). */
	private static final long PG_EPOCH_OFFSET_MICROS = 946_684_800_000_000L;

	private PgBinaryCopy() {
	}

	public static byte[] encode(List<Sample> samples) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + samples.size() * 60);
		DataOutputStream out = new DataOutputStream(bytes);
		try {
			out.write(SIGNATURE);
			out.writeInt(0);
			out.writeInt(0);
			for (Sample sample : samples) {
				out.writeShort(6);
				out.writeInt(8);
				out.writeLong(sample.channelId());
				out.writeInt(8);
				out.writeLong(sample.timeMicros() - PG_EPOCH_OFFSET_MICROS);
				SampleValue value = sample.value();
				if (value instanceof SampleValue.Numeric(double number)) {
					out.writeInt(8);
					out.writeDouble(number);
				}
				else {
					out.writeInt(-1);
				}
				if (value instanceof SampleValue.Bool(boolean bool)) {
					out.writeInt(1);
					out.writeByte(bool ? 1 : 0);
				}
				else {
					out.writeInt(-1);
				}
				if (value instanceof SampleValue.Text(String text)) {
					byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
					out.writeInt(utf8.length);
					out.write(utf8);
				}
				else {
					out.writeInt(-1);
				}
				out.writeInt(4);
				out.writeInt(sample.quality());
			}
			out.writeShort(-1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
