package io.parx.common.collector;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The instance record the collectors write and the admin-api reads (docs/CONTRACTS.md,
 * "Redis"): the documented wire form reads, and what is written reads back the same.
 */
class CollectorInstanceTests {

	@Test
	void theDocumentedExampleReadsAndNamesTheChannelsItRuns() {
		CollectorInstance record = CollectorInstance
			.fromJson("{\"group\":\"line-1\",\"instance\":\"collector-1\",\"url\":\"http://collector-1:3002\","
					+ "\"connections\":[{\"name\":\"modbus://10.0.0.5:502/1\",\"token\":17,\"channels\":[4,5,6]}],"
					+ "\"updated\":\"2026-12-06T20:00:00Z\"}");
		assertThat(record.url()).isEqualTo("http://collector-1:3002");
		assertThat(record.connections().get(0).token()).isEqualTo(17);
		assertThat(record.runs(5)).isTrue();
		assertThat(record.runs(7)).isFalse();
		assertThat(record.updated()).isEqualTo(Instant.parse("2026-12-06T20:00:00Z"));
	}

	@Test
	void aWrittenRecordReadsBackTheSame() {
		CollectorInstance record = new CollectorInstance("default", "a", null,
				List.of(new CollectorInstance.HeldConnection("simulator:channel:9", 0, List.of(9L))),
				Instant.parse("2026-12-06T20:00:00Z"));
		assertThat(CollectorInstance.fromJson(record.toJson())).isEqualTo(record);
	}

	@Test
	void somethingElseIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CollectorInstance.fromJson("{\"group\":1}"));
		assertThatIllegalArgumentException().isThrownBy(() -> CollectorInstance.fromJson("not json"));
	}

	@Test
	void aChannelWithoutCollectorBelongsToTheDefaultGroup() {
		assertThat(CollectorInstance.groupOf(null)).isEqualTo("default");
		assertThat(CollectorInstance.groupOf("line-1")).isEqualTo("line-1");
	}

}
