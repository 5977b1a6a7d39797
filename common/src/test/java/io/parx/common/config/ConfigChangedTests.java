package io.parx.common.config;

import org.junit.jupiter.api.Test;

import io.parx.common.config.ConfigChanged.Entity;
import io.parx.common.config.ConfigChanged.Op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConfigChangedTests {

	@Test
	void wireFormIsTheOneInTheContract() {
		assertThat(new ConfigChanged(Entity.CHANNEL, 42, Op.UPDATED, 7).toJson())
			.isEqualTo("{\"entity\":\"channel\",\"id\":42,\"op\":\"updated\",\"version\":7}");
	}

	@Test
	void everyEntityAndOpRoundTrips() {
		for (Entity entity : Entity.values()) {
			for (Op op : Op.values()) {
				ConfigChanged event = new ConfigChanged(entity, 3, op, 1);
				assertThat(ConfigChanged.fromJson(event.toJson())).isEqualTo(event);
			}
		}
	}

	@Test
	void whitespaceIsTolerated() {
		assertThat(ConfigChanged
			.fromJson(" { \"entity\" : \"storage-rule\", \"id\": 5, \"op\": \"deleted\", \"version\": 2 } "))
			.isEqualTo(new ConfigChanged(Entity.STORAGE_RULE, 5, Op.DELETED, 2));
	}

	@Test
	void somethingElseIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> ConfigChanged.fromJson("{\"entity\":\"tank\",\"id\":1,\"op\":\"updated\",\"version\":1}"));
		assertThatIllegalArgumentException().isThrownBy(() -> ConfigChanged.fromJson("hello"));
	}

}
