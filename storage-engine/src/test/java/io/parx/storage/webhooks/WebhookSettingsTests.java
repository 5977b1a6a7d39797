package io.parx.storage.webhooks;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookSettingsTests {

	private static WebhookSettings settings(Duration initial, Duration max) {
		return new WebhookSettings(true, Duration.ofSeconds(5), Duration.ofSeconds(10), initial, max,
				Duration.ofHours(24), 4, Duration.ofSeconds(1), Duration.ofDays(7), 1000);
	}

	@Test
	void theWaitDoublesFromOneSecondUpToFiveMinutes() {
		WebhookSettings settings = settings(Duration.ofSeconds(1), Duration.ofMinutes(5));
		assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.backoff(5)).isEqualTo(Duration.ofSeconds(16));
		assertThat(settings.backoff(9)).isEqualTo(Duration.ofSeconds(256));
		assertThat(settings.backoff(10)).isEqualTo(Duration.ofMinutes(5));
		// a day of failures overflows nothing
		assertThat(settings.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void theLeaseOutlastsAWholeRequest() {
		// Shorter, and a slow receiver would get the same event from a second instance.
		WebhookSettings settings = settings(Duration.ofSeconds(1), Duration.ofMinutes(5));
		assertThat(settings.lease()).isGreaterThan(settings.connectTimeout().plus(settings.requestTimeout()));
	}

	@Test
	void nonsensicalSettingsStopTheStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings(Duration.ofMinutes(1), Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> settings(Duration.ZERO, Duration.ofSeconds(1)));
	}

}
