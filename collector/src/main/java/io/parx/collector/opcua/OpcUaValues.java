package io.parx.collector.opcua;

import java.time.Instant;

import io.parx.collector.engine.ChannelConfig;
import io.parx.collector.engine.RawValue;
import io.parx.common.config.DataType;
import io.parx.common.sample.Quality;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;

/**
 * Converts between OPC UA values and samples: the server's StatusCode passes through as
 * the quality and its source timestamp is the sample time (OPC UA Part 4 §7.7.3).
 */
final class OpcUaValues {

	/**
	 * Bad_TypeMismatch (OPC UA Part 4 §7.39): the value does not fit the channel type.
	 */
	static final int BAD_TYPE_MISMATCH = 0x80740000;

	private OpcUaValues() {
	}

	static Sample toSample(ChannelConfig config, DataValue dataValue, Instant receivedAt) {
		int quality = (int) dataValue.getStatusCode().getValue();
		Instant time = time(dataValue, receivedAt);
		if (Quality.isBad(quality)) {
			return Sample.failed(config.id(), time, quality);
		}
		SampleValue value;
		try {
			value = toValue(config, dataValue.getValue());
		}
		catch (IllegalArgumentException ex) {
			return Sample.failed(config.id(), time, BAD_TYPE_MISMATCH);
		}
		if (value == null) {
			return Sample.failed(config.id(), time, Quality.isGood(quality) ? BAD_TYPE_MISMATCH : quality);
		}
		return Sample.of(config.id(), time, value, quality);
	}

	/** Source time, else server time, else the time of receipt. */
	static Instant time(DataValue dataValue, Instant receivedAt) {
		DateTime source = dataValue.getSourceTime();
		if (source != null && source.isNotNull() && source.isValid()) {
			return source.getJavaInstant();
		}
		DateTime server = dataValue.getServerTime();
		if (server != null && server.isNotNull() && server.isValid()) {
			return server.getJavaInstant();
		}
		return receivedAt;
	}

	/**
	 * The value converted to the channel's type, scaled; {@code null} when the variant is
	 * empty.
	 * @throws IllegalArgumentException if it cannot be converted
	 */
	static SampleValue toValue(ChannelConfig config, Variant variant) {
		Object raw = (variant != null) ? variant.getValue() : null;
		if (raw == null) {
			return null;
		}
		if (raw instanceof LocalizedText text) {
			raw = (text.text() != null) ? text.text() : "";
		}
		DataType type = config.dataType();
		if (type == DataType.STRING) {
			return SampleValue.of(switch (raw) {
				case Double d when d == Math.rint(d) && Math.abs(d) < 1e15 -> Long.toString(d.longValue());
				case Float f when f == Math.rint(f) && Math.abs(f) < 1e7 -> Long.toString(f.longValue());
				default -> String.valueOf(raw);
			});
		}
		if (type == DataType.BOOL) {
			return SampleValue.of(switch (raw) {
				case Boolean b -> b;
				case Number n -> n.doubleValue() != 0;
				case String s when s.equalsIgnoreCase("true") || s.equals("1") -> true;
				case String s when s.equalsIgnoreCase("false") || s.equals("0") -> false;
				default -> throw new IllegalArgumentException("cannot convert " + raw + " to BOOL");
			});
		}
		double number = switch (raw) {
			case Number n -> n.doubleValue();
			case Boolean b -> b ? 1 : 0;
			case String s -> parse(s);
			default ->
				throw new IllegalArgumentException("cannot convert " + raw.getClass().getSimpleName() + " to " + type);
		};
		return SampleValue.of(config.scaled(number));
	}

	private static double parse(String text) {
		try {
			return Double.parseDouble(text.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("not a number: " + text);
		}
	}

	/**
	 * The variant to write for a value: the OPC UA built-in type of the channel's data
	 * type (Part 6 §5.1.2), after undoing scale and offset, because servers reject a
	 * write of another type with Bad_TypeMismatch.
	 */
	static Variant toVariant(ChannelConfig config, SampleValue value) {
		DataType type = config.dataType();
		if (type == DataType.STRING) {
			return new Variant(switch (value) {
				case SampleValue.Text text -> text.value();
				case SampleValue.Bool bool -> Boolean.toString(bool.value());
				case SampleValue.Numeric numeric -> Double.toString(numeric.value());
			});
		}
		if (type == DataType.BOOL) {
			return new Variant(value.asDouble() != 0);
		}
		// range-checked: a value that does not fit the type is refused, never wrapped
		Number raw = (Number) RawValue.of(config, value);
		return switch (type) {
			case INT16 -> new Variant(raw.shortValue());
			case UINT16 -> new Variant(UShort.valueOf(raw.intValue()));
			case INT32 -> new Variant(raw.intValue());
			case UINT32 -> new Variant(UInteger.valueOf(raw.longValue()));
			case INT64 -> new Variant(raw.longValue());
			case FLOAT32 -> new Variant(raw.floatValue());
			case FLOAT64 -> new Variant(raw.doubleValue());
			case BOOL, STRING -> throw new IllegalStateException("handled above");
		};
	}

}
