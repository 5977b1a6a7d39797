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
	void aPrefixSeparatesInstallations() {
		assertThat(new RedisKeys("plant2:").samples()).isEqualTo("plant2:samples");
	}

	@Test
	void aBlankPrefixIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RedisKeys(" "));
	}

}
