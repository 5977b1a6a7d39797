package io.parx.common.redis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RedisKeysTests {

	@Test
	void defaultNamesAreTheContractOnes() {
		RedisKeys keys = RedisKeys.withDefaultPrefix();
		assertThat(keys.samples()).isEqualTo("parx:samples");
		assertThat(keys.live()).isEqualTo("parx:live");
		assertThat(keys.latest()).isEqualTo("parx:latest");
		assertThat(keys.config()).isEqualTo("parx:config");
		assertThat(keys.alarms()).isEqualTo("parx:alarms");
		assertThat(keys.activeAlarms()).isEqualTo("parx:alarms:active");
	}

	@Test
	void collectorGroupNamesAreTheContractOnes() {
		RedisKeys keys = RedisKeys.withDefaultPrefix();
		assertThat(keys.collectorSequence("line-1", null)).isEqualTo("parx:collector:line-1:seq");
		assertThat(keys.collectorSequence("line-1", "collector-2")).isEqualTo("parx:collector:line-1:collector-2:seq");
		assertThat(keys.collectorLease("line-1", "modbus://plc1:502/1"))
			.isEqualTo("parx:collector:line-1:lease:modbus://plc1:502/1");
		assertThat(keys.collectorFence("line-1")).isEqualTo("parx:collector:line-1:fence");
		assertThat(keys.collectorInstances("line-1")).isEqualTo("parx:collector:line-1:instances");
		assertThat(keys.collectorInstance("line-1", "collector-2"))
			.isEqualTo("parx:collector:line-1:instance:collector-2");
	}

	@Test
	void aPrefixSeparatesInstallations() {
		assertThat(new RedisKeys("plant2:").samples()).isEqualTo("plant2:samples");
	}

	@Test
	void aBlankPrefixIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RedisKeys(" "));
	}

}
