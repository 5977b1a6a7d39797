package io.parx.admin.users;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.http.MediaType;

import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.config.ConfigChanged;
import io.parx.common.config.ConfigChanged.Entity;
import io.parx.common.config.ConfigChanged.Op;
import io.parx.common.redis.RedisKeys;
import io.parx.common.security.Role;
import io.parx.db.test.TestServices;

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

	private final List<ConfigChanged> received = new CopyOnWriteArrayList<>();

	private RedisMessageListenerContainer subscriber;

	@BeforeEach
	void subscribe() {
		this.subscriber = new RedisMessageListenerContainer();
		this.subscriber.setConnectionFactory(this.redis);
		this.subscriber.addMessageListener(
				(message, pattern) -> this.received.add(ConfigChanged.fromJson(new String(message.getBody()))),
				new ChannelTopic(new RedisKeys(TestServices.redisPrefix()).config()));
		this.subscriber.afterPropertiesSet();
		this.subscriber.start();
	}

	@AfterEach
	void unsubscribe() throws Exception {
		this.subscriber.stop();
		this.subscriber.destroy();
	}

	@Test
	void creatingDisablingAndDeletingAUserIsAnnounced() throws Exception {
		// the subscription is asynchronous: wait until a first event proves it is active
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			createUser("announced-probe", "long-enough-1", Role.OPERATOR);
			assertThat(this.received).isNotEmpty();
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
			.untilAsserted(
					() -> assertThat(this.received).contains(new ConfigChanged(Entity.USER, user.id(), Op.CREATED, 0),
							new ConfigChanged(Entity.USER, user.id(), Op.UPDATED, 1),
							new ConfigChanged(Entity.USER, user.id(), Op.DELETED, 1)));
	}

}
