package io.parx.admin.auth;

import java.time.Duration;

import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.redis.RedisSettings;
import io.parx.common.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Login throttling with growing delays (OWASP ASVS V2.2.1). The test context allows 3
 * free failures, then 1 s doubling, capped at 2 s per account and 3 s per address.
 */
class LoginThrottleTests extends AbstractIntegrationTest {

	ResultActions login(String username, String password, String ip) throws Exception {
		return this.mvc.perform(post("/api/v1/auth/login").with(from(ip))
			.contentType(MediaType.APPLICATION_JSON)
			.content(LoginTests.credentials(username, password)));
	}

	@Test
	void failuresBeyondTheFreeAttemptsAreAnsweredWith429AndRetryAfter() throws Exception {
		TestUser user = createUser("throttled", "right-password", Role.OPERATOR);
		for (int i = 0; i < 4; i++) {
			login(user.username(), "wrong", freshIp()).andExpect(status().isUnauthorized());
		}
		// blocked: even the right password waits, and is not checked at all
		login(user.username(), "right-password", freshIp()).andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(jsonPath("$.type").value("/problems/too-many-requests"));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> login(user.username(), "right-password", freshIp()).andExpect(status().isOk()));
	}

	@Test
	void oneClientAddressTryingManyAccountsIsThrottled() throws Exception {
		String attacker = freshIp();
		for (int i = 0; i < 4; i++) {
			login("sprayed-" + i, "guess", attacker).andExpect(status().isUnauthorized());
		}
		login("sprayed-new", "guess", attacker).andExpect(status().isTooManyRequests());
		// another client is not affected
		login(ADMIN_USERNAME, ADMIN_PASSWORD, freshIp()).andExpect(status().isOk());
	}

	@Test
	void anAttackerCannotLockARealUserOutForLongerThanTheAccountCap() throws Exception {
		TestUser user = createUser("target", "right-password", Role.ENGINEER);
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < 5; i++) {
				login(user.username(), "wrong", freshIp());
			}
			String retryAfter = login(user.username(), "right-password", freshIp()).andReturn()
				.getResponse()
				.getHeader("Retry-After");
			if (retryAfter != null) {
				assertThat(Long.parseLong(retryAfter)).isLessThanOrEqualTo(2);
			}
		}
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> login(user.username(), "right-password", freshIp()).andExpect(status().isOk()));
	}

	@Test
	void delaysGrowAndAreCapped() {
		LoginThrottle throttle = new LoginThrottle(null, new AuthSettings(null, null, null, new AuthSettings.Throttle(3,
				Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(1))),
				new RedisSettings("t:"));
		assertThat(throttle.delay(1, Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(1));
		assertThat(throttle.delay(2, Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(2));
		assertThat(throttle.delay(4, Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(8));
		assertThat(throttle.delay(10, Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(1));
		assertThat(throttle.delay(1000, Duration.ofMinutes(15))).isEqualTo(Duration.ofMinutes(15));
	}

}
