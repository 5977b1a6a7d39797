package io.parx.collector.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;

import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric.MetricBuilder;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload.SparkplugBPayloadBuilder;
import org.junit.jupiter.api.Test;

import io.parx.collector.mqtt.PayloadInspector.Inspection;
import io.parx.common.config.channel.MqttSettings.PayloadFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The format the discovery names is the one the channel's parser reads the payload with
 * (issue #20), and the JSON leaves are listed as a channel's {@code valuePointer} takes
 * them.
 */
class PayloadInspectorTests {

	@Test
	void theFormatIsTheOneTheChannelParserReads() {
		assertThat(inspect("t", " -1.5e3 ").format()).isEqualTo(PayloadFormat.NUMBER);
		// 1 and 0 are numbers first, as a NUMBER channel reads them
		assertThat(inspect("t", "1").format()).isEqualTo(PayloadFormat.NUMBER);
		assertThat(inspect("t", "ON").format()).isEqualTo(PayloadFormat.BOOLEAN);
		assertThat(inspect("t", "[1, 2]").format()).isEqualTo(PayloadFormat.JSON);
		assertThat(inspect("t", "{not json").format()).isEqualTo(PayloadFormat.STRING);
		assertThat(inspect("t", "\"quoted\"").format()).isEqualTo(PayloadFormat.STRING);
	}

	@Test
	void binaryAndEmptyPayloadsFitNoFormatAndSayWhy() {
		Inspection binary = PayloadInspector.inspect("t", new byte[] { (byte) 0xC3, 0x28 });
		assertThat(binary.format()).isNull();
		assertThat(binary.text()).isNull();
		assertThat(binary.note()).contains("not UTF-8");
		assertThat(PayloadInspector.inspect("t", new byte[0]).note()).contains("empty");
	}

	@Test
	void jsonLeavesStopAtTheLimitAndSayTheyDid() {
		StringBuilder json = new StringBuilder("{");
		for (int i = 0; i < 250; i++) {
			json.append((i > 0) ? "," : "").append("\"k~").append(i).append("\":").append(i);
		}
		Inspection inspection = inspect("t", json.append('}').toString());

		assertThat(inspection.leaves()).hasSize(PayloadInspector.MAX_LEAVES);
		assertThat(inspection.leavesTruncated()).isTrue();
		// RFC 6901 §3: ~ is written ~0
		assertThat(inspection.leaves().get(0).pointer()).isEqualTo("/k~00");
		assertThat(inspection.textTruncated()).isTrue();
	}

	@Test
	void aSparkplugBirthIsSummarisedByItsTypeSequenceAndMetricCount() throws Exception {
		byte[] birth = sparkplug(
				new MetricBuilder("Temperature", MetricDataType.Float, 21.5f).alias(1L).createMetric());
		Inspection inspection = PayloadInspector.inspect("spBv1.0/g/NBIRTH/n", birth);
		assertThat(inspection.format()).isEqualTo(PayloadFormat.SPARKPLUG_B);
		assertThat(inspection.text()).isEqualTo("NBIRTH seq 0, 1 metrics");
	}

	private static byte[] sparkplug(org.eclipse.tahu.message.model.Metric metric) throws IOException {
		return new SparkplugBPayloadEncoder().getBytes(
				new SparkplugBPayloadBuilder(0L).setTimestamp(new Date()).addMetric(metric).createPayload(), false);
	}

	private static Inspection inspect(String topic, String payload) {
		return PayloadInspector.inspect(topic, payload.getBytes(StandardCharsets.UTF_8));
	}

}
