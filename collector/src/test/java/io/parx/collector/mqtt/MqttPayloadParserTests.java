package io.parx.collector.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.parx.collector.channels.DataType;
import io.parx.collector.mqtt.MqttPayloadParser.Payload;
import io.parx.collector.mqtt.MqttPayloadParser.PayloadException;
import io.parx.collector.mqtt.MqttPayloadParser.Reading;
import io.parx.common.sample.SampleValue;

import static io.parx.collector.mqtt.MqttChannelFixture.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

class MqttPayloadParserTests {

	private static final Instant RECEIVED = Instant.parse("2026-01-02T03:04:05.123456Z");

	@Test
	void numberPayloadIsScaledAndOffsetAndStampedWithTheTimeOfReceipt() {
		Reading reading = parse(channel(1).format("NUMBER").scaled(10, 1), " 2.5\n");
		assertThat(reading.value()).isEqualTo(SampleValue.of(26.0));
		assertThat(reading.time()).isEqualTo(RECEIVED);
	}

	@Test
	void numberPayloadRejectsTextThatJavaWouldParseButIsNoNumber() {
		// Double.parseDouble accepts "NaN" and "1d"; a sensor payload like that is
		// garbage.
		assertThatExceptionOfType(PayloadException.class).isThrownBy(() -> parse(channel(1), "NaN"))
			.withMessageContaining("not a number");
		assertThatExceptionOfType(PayloadException.class).isThrownBy(() -> parse(channel(1), "1d"));
		assertThatExceptionOfType(PayloadException.class).isThrownBy(() -> parse(channel(1), ""));
	}

	@Test
	void booleanPayloadAcceptsTrueFalseOneZeroOnOff() {
		MqttChannelFixture bool = channel(1).format("BOOLEAN").dataType(DataType.BOOL);
		assertThat(parse(bool, "TRUE").value()).isEqualTo(SampleValue.of(true));
		assertThat(parse(bool, "0").value()).isEqualTo(SampleValue.of(false));
		assertThat(parse(bool, "on").value()).isEqualTo(SampleValue.of(true));
		assertThatExceptionOfType(PayloadException.class).isThrownBy(() -> parse(bool, "maybe"))
			.withMessageContaining("not a boolean");
	}

	@Test
	void stringPayloadIsTakenVerbatim() {
		assertThat(parse(channel(1).format("STRING").dataType(DataType.STRING), " coil 17 ").value())
			.isEqualTo(SampleValue.of(" coil 17 "));
	}

	@Test
	void jsonPointerFindsANestedValue() {
		MqttChannelFixture json = channel(1).format("JSON").valuePointer("/sensors/0/temp");
		assertThat(parse(json, "{\"sensors\":[{\"temp\":21.5}]}").value()).isEqualTo(SampleValue.of(21.5));
	}

	@Test
	void jsonPointerEscapesFollowRfc6901() {
		// RFC 6901 §4: "~1" is "/" and "~0" is "~" inside a reference token.
		MqttChannelFixture json = channel(1).format("JSON").valuePointer("/a~1b/c~0d");
		assertThat(parse(json, "{\"a/b\":{\"c~d\":7}}").value()).isEqualTo(SampleValue.of(7.0));
	}

	@Test
	void jsonTimestampIsReadAsIso8601WithOffset() {
		MqttChannelFixture json = channel(1).format("JSON").valuePointer("/v").timestampPointer("/ts");
		Reading reading = parse(json, "{\"v\":1,\"ts\":\"2026-03-04T10:00:00.250+01:00\"}");
		assertThat(reading.time()).isEqualTo(Instant.parse("2026-03-04T09:00:00.250Z"));
	}

	@Test
	void jsonTimestampIsReadAsEpochMillisAsNumberOrString() {
		MqttChannelFixture json = channel(1).format("JSON").valuePointer("/v").timestampPointer("/ts");
		assertThat(parse(json, "{\"v\":1,\"ts\":1767225600123}").time())
			.isEqualTo(Instant.ofEpochMilli(1767225600123L));
		assertThat(parse(json, "{\"v\":1,\"ts\":\"1767225600123\"}").time())
			.isEqualTo(Instant.ofEpochMilli(1767225600123L));
	}

	@Test
	void jsonTimestampThatIsNoTimeIsRejectedWithTheReason() {
		MqttChannelFixture json = channel(1).format("JSON").valuePointer("/v").timestampPointer("/ts");
		assertThatExceptionOfType(PayloadException.class)
			.isThrownBy(() -> parse(json, "{\"v\":1,\"ts\":\"yesterday\"}"))
			.withMessageContaining("/ts")
			.withMessageContaining("yesterday");
		assertThatExceptionOfType(PayloadException.class).isThrownBy(() -> parse(json, "{\"v\":1}"))
			.withMessage("no timestamp at /ts");
	}

	@Test
	void jsonWithoutTheValueNamesThePointer() {
		MqttChannelFixture json = channel(1).format("JSON").valuePointer("/temp");
		assertThatExceptionOfType(PayloadException.class).isThrownBy(() -> parse(json, "{\"pressure\":1}"))
			.withMessage("no value at /temp");
	}

	@Test
	void jsonValueThatIsAnObjectIsRejected() {
		MqttChannelFixture json = channel(1).format("JSON").valuePointer("/temp");
		assertThatExceptionOfType(PayloadException.class).isThrownBy(() -> parse(json, "{\"temp\":{\"c\":1}}"))
			.withMessageContaining("is object");
	}

	@Test
	void malformedJsonIsRejected() {
		assertThatExceptionOfType(PayloadException.class)
			.isThrownBy(() -> parse(channel(1).format("JSON"), "{\"temp\": 21.5"))
			.withMessageStartingWith("not JSON");
	}

	@Test
	void jsonTextValueIsConvertedToTheChannelsNumericType() {
		MqttChannelFixture json = channel(1).format("JSON").valuePointer("/v").scaled(2, 0);
		assertThat(parse(json, "{\"v\":\"3.5\"}").value()).isEqualTo(SampleValue.of(7.0));
	}

	@Test
	void numberForAStringChannelIsWrittenWithoutAFractionWhenIntegral() {
		MqttChannelFixture json = channel(1).format("JSON").valuePointer("/batch").dataType(DataType.STRING);
		assertThat(parse(json, "{\"batch\":4711}").value()).isEqualTo(SampleValue.of("4711"));
	}

	@Test
	void payloadThatIsNotUtf8IsRejected() {
		byte[] latin1 = "temp=21°".getBytes(StandardCharsets.ISO_8859_1);
		assertThatExceptionOfType(PayloadException.class)
			.isThrownBy(() -> MqttPayloadParser.parse(channel(1).format("STRING").compile(), latin1, RECEIVED))
			.withMessage("payload is not UTF-8");
	}

	@Test
	void oversizedPayloadIsRejectedBeforeParsing() {
		byte[] huge = new byte[MqttPayloadParser.MAX_PAYLOAD_BYTES + 1];
		assertThatExceptionOfType(PayloadException.class)
			.isThrownBy(() -> MqttPayloadParser.parse(channel(1).compile(), huge, RECEIVED))
			.withMessageContaining("exceeds");
	}

	@Test
	void gatewayRecordIsParsedOnceForAllTheChannelsThatReadIt() {
		// A gateway publishes many tags in one record (Kepware IoT Gateway style);
		// parsing
		// the whole record again for every channel made the collector's cost per message
		// grow with the square of the number of tags.
		Payload record = new Payload("""
				{"timestamp":1767225600123.456,"values":[{"id":"t1","v":1.5,"t":1767225600123.456},\
				{"id":"t2","v":2.5,"t":1767225600124}]}""".getBytes(StandardCharsets.UTF_8));
		MqttChannel first = channel(1).format("JSON")
			.valuePointer("/values/0/v")
			.timestampPointer("/values/0/t")
			.compile();
		MqttChannel second = channel(2).format("JSON")
			.valuePointer("/values/1/v")
			.timestampPointer("/values/1/t")
			.compile();
		Reading one = MqttPayloadParser.parse(first, record, RECEIVED);
		var document = record.document();
		Reading two = MqttPayloadParser.parse(second, record, RECEIVED);
		assertThat(one.value()).isEqualTo(SampleValue.of(1.5));
		// fractional epoch milliseconds are a double: exact to well below a microsecond
		assertThat(one.time()).isCloseTo(Instant.parse("2026-01-01T00:00:00.123456Z"), within(1, ChronoUnit.MICROS));
		assertThat(two.value()).isEqualTo(SampleValue.of(2.5));
		assertThat(two.time()).isEqualTo(Instant.parse("2026-01-01T00:00:00.124Z"));
		assertThat(record.document()).isSameAs(document);
	}

	@Test
	void channelsOfARecordWithOneTimeShareItsParsedTimestamp() {
		// A gateway record of a hundred tags has one time; parsing it a hundred times was
		// most of the collector's remaining cost per record.
		Payload record = new Payload("""
				{"time":"2026-01-01T00:00:00.123456Z","tags":{"a":1,"b":2}}""".getBytes(StandardCharsets.UTF_8));
		MqttChannel a = channel(1).format("JSON").valuePointer("/tags/a").timestampPointer("/time").compile();
		MqttChannel b = channel(2).format("JSON").valuePointer("/tags/b").timestampPointer("/time").compile();

		Reading one = MqttPayloadParser.parse(a, record, RECEIVED);
		Reading two = MqttPayloadParser.parse(b, record, RECEIVED);

		assertThat(one.time()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
		assertThat(two.time()).isSameAs(one.time());
		assertThat(two.value()).isEqualTo(SampleValue.of(2.0));
	}

	@Test
	void aBadSharedTimestampFailsEveryChannelThatReadsIt() {
		Payload record = new Payload("{\"time\":\"soon\",\"a\":1,\"b\":2}".getBytes(StandardCharsets.UTF_8));
		for (String tag : List.of("a", "b")) {
			MqttChannel channel = channel(1).format("JSON").valuePointer("/" + tag).timestampPointer("/time").compile();
			assertThatExceptionOfType(PayloadException.class)
				.isThrownBy(() -> MqttPayloadParser.parse(channel, record, RECEIVED))
				.withMessageContaining("timestamp at /time");
		}
	}

	@Test
	void malformedGatewayRecordFailsEveryChannelWithTheSameReason() {
		Payload record = new Payload("{\"values\":[".getBytes(StandardCharsets.UTF_8));
		for (int id = 1; id <= 2; id++) {
			MqttChannel channel = channel(id).format("JSON").valuePointer("/values/0/v").compile();
			assertThatExceptionOfType(PayloadException.class)
				.isThrownBy(() -> MqttPayloadParser.parse(channel, record, RECEIVED))
				.withMessageStartingWith("not JSON");
		}
	}

	private static Reading parse(MqttChannelFixture channel, String payload) {
		return MqttPayloadParser.parse(channel.compile(), payload.getBytes(StandardCharsets.UTF_8), RECEIVED);
	}

}
