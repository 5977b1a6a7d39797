package io.parx.admin.auth;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes refresh tokens a day after they expired, so the table does not grow forever.
 * The grace day keeps recently expired tokens around for reuse detection.
 */
@Component
class ExpiredTokenCleanup {

	private static final Logger log = LoggerFactory.getLogger(ExpiredTokenCleanup.class);

	private final RefreshTokenRepository tokens;

	private final Clock clock;

	ExpiredTokenCleanup(RefreshTokenRepository tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	@Scheduled(initialDelay = 10, fixedDelay = 60, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
	@Transactional
	void deleteExpired() {
		int deleted = this.tokens.deleteExpiredBefore(this.clock.instant().minus(Duration.ofDays(1)));
		if (deleted > 0) {
			log.info("Deleted {} expired refresh tokens", deleted);
		}
	}

}
