package io.parx.admin.events;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.parx.admin.channels.ChannelFixtures;
import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.config.ConfigChanged;
import io.parx.common.config.ConfigChanged.Entity;
import io.parx.common.config.ConfigChanged.Op;
import io.parx.common.redis.RedisKeys;
import io.parx.db.test.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Config events reach a Redis subscriber on {@code <prefix>config} (CONTRACTS.md,
 * "Redis") only once the change is committed.
 */
class ConfigEventsTests extends AbstractIntegrationTest {

	@Autowired
	RedisConnectionFactory redis;

	@Autowired
	ConfigEvents events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JsonMapper json;

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
	void creatingAndDeletingAChannelPublishesEventsWithItsIdAndVersion() throws Exception {
		String response = this.mvc
			.perform(post("/api/v1/io/channels").contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(ChannelFixtures.simulator("events.sim")))
				.with(as(io.parx.common.security.Role.ENGINEER)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = this.json.readTree(response).get("id").asLong();
		this.mvc.perform(delete("/api/v1/io/channels/" + id).with(as(io.parx.common.security.Role.ENGINEER)))
			.andExpect(status().isNoContent());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(this.received).contains(new ConfigChanged(Entity.CHANNEL, id, Op.CREATED, 0),
							new ConfigChanged(Entity.CHANNEL, id, Op.DELETED, 0)));
	}

	@Test
	void aRolledBackChangePublishesNothing() {
		// receivers reload the entity when told; telling them about a change that never
		// committed would make them load a state that does not exist
		this.transactions.executeWithoutResult((status) -> {
			this.events.updated(Entity.STORAGE_RULE, 424242, 1);
			status.setRollbackOnly();
		});
		this.transactions.executeWithoutResult((status) -> this.events.updated(Entity.STORAGE_RULE, 434343, 1));
		// Redis pub/sub keeps the order of one publisher's messages: once the committed
		// marker has arrived, the rolled-back event would have arrived before it
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.received).extracting(ConfigChanged::id).contains(434343L));
		assertThat(this.received).extracting(ConfigChanged::id).doesNotContain(424242L);
	}

	@Test
	void publishingOutsideATransactionIsRefused() {
		// without a transaction there is no commit to wait for: a programming error
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> this.events.created(Entity.CHANNEL, 1, 0));
	}

}
