package io.parx.admin.users;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.http.MediaType;

import io.parx.admin.events.ConfigEventRecorder;
import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.config.ConfigChanged;
import io.parx.common.config.ConfigChanged.Entity;
import io.parx.common.config.ConfigChanged.Op;
import io.parx.common.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * User changes reach a Redis subscriber on {@code <prefix>config}, so services holding
 * sessions (the data-router's WebSockets) can end those of a disabled or deleted user.
 */
class UserEventsTests extends AbstractIntegrationTest {

	@Autowired
	RedisConnectionFactory redis;

	private ConfigEventRecorder recorder;

	@BeforeEach
	void subscribe() {
		this.recorder = ConfigEventRecorder.subscribe(this.redis);
	}

	@AfterEach
	void unsubscribe() throws Exception {
		this.recorder.close();
	}

	@Test
	void creatingDisablingAndDeletingAUserIsAnnounced() throws Exception {
		// the subscription is asynchronous: wait until a first event proves it is active
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			createUser("announced-probe", "long-enough-1", Role.OPERATOR);
			assertThat(this.recorder.received()).isNotEmpty();
		});
		TestUser user = createUser("announced", "long-enough-1", Role.OPERATOR);
		this.mvc
			.perform(put("/api/v1/users/{id}", user.id()).with(as(Role.ADMIN))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"enabled\":false}"))
			.andExpect(status().isOk());
		this.mvc.perform(delete("/api/v1/users/{id}", user.id()).with(as(Role.ADMIN)))
			.andExpect(status().isNoContent());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.recorder.received()).contains(
					new ConfigChanged(Entity.USER, user.id(), Op.CREATED, 0),
					new ConfigChanged(Entity.USER, user.id(), Op.UPDATED, 1),
					new ConfigChanged(Entity.USER, user.id(), Op.DELETED, 1)));
	}

}
