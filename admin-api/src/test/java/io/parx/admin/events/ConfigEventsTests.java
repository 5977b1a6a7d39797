package io.parx.admin.events;

import java.time.Duration;
import java.util.List;

import io.parx.admin.channels.ChannelFixtures;
import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.config.ConfigChanged;
import io.parx.common.config.ConfigChanged.Entity;
import io.parx.common.config.ConfigChanged.Op;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Config events reach a Redis subscriber on {@code <prefix>config} (docs/CONTRACTS.md,
 * "Config events") only once the change is committed.
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
			.untilAsserted(() -> assertThat(this.recorder.received()).contains(
					new ConfigChanged(Entity.CHANNEL, id, Op.CREATED, 0),
					new ConfigChanged(Entity.CHANNEL, id, Op.DELETED, 0)));
	}

	@Test
	void deletingAChannelAnnouncesTheRulesAndBatchesItChanged() throws Exception {
		// the database cascades the deletion; receivers must hear about every entity it
		// changed
		long channel = create("/api/v1/io/channels", ChannelFixtures.simulator("events.cascade"));
		long other = create("/api/v1/io/channels", ChannelFixtures.simulator("events.cascade.other"));
		long rule = create("/api/v1/storage/rules", ChannelFixtures.map("name", "events.cascade.rule", "mode",
				"CONTINUOUS", "channelIds", java.util.List.of(channel, other)));
		long batch = create("/api/v1/storage/batch-definitions", ChannelFixtures.map("name", "events.cascade.batch",
				"mode", "VALUE_CHANGE", "triggerChannelId", channel));
		long conditioned = create("/api/v1/storage/rules", ChannelFixtures.map("name", "events.cascade.event", "mode",
				"EVENT", "settings", ChannelFixtures.map("conditionChannelId", other)));

		this.mvc.perform(delete("/api/v1/io/channels/" + channel).with(as(io.parx.common.security.Role.ENGINEER)))
			.andExpect(status().isNoContent());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.recorder.received()).contains(
					new ConfigChanged(Entity.CHANNEL, channel, Op.DELETED, 0),
					new ConfigChanged(Entity.STORAGE_RULE, rule, Op.UPDATED, 1),
					new ConfigChanged(Entity.BATCH_DEFINITION, batch, Op.DELETED, 0)));

		// a rule whose condition would vanish is not silently broken
		this.mvc.perform(delete("/api/v1/io/channels/" + other).with(as(io.parx.common.security.Role.ENGINEER)))
			.andExpect(status().isConflict())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
				.value(org.hamcrest.Matchers.containsString("events.cascade.event")));
		assertThat(conditioned).isPositive();
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
			.untilAsserted(() -> assertThat(this.recorder.received()).extracting(ConfigChanged::id).contains(434343L));
		assertThat(this.recorder.received()).extracting(ConfigChanged::id).doesNotContain(424242L);
	}

	private long create(String path, Object body) throws Exception {
		String response = this.mvc
			.perform(post(path).contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body))
				.with(as(io.parx.common.security.Role.ENGINEER)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(response).get("id").asLong();
	}

	@Test
	void publishingOutsideATransactionIsRefused() {
		// without a transaction there is no commit to wait for: a programming error
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> this.events.created(Entity.CHANNEL, 1, 0));
	}

}
