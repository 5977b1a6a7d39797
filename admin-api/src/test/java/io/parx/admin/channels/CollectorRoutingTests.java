package io.parx.admin.channels;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;

import io.parx.admin.system.AbstractIntegrationTest;
import io.parx.common.collector.CollectorInstance;
import io.parx.common.redis.RedisKeys;
import io.parx.common.security.Role;
import io.parx.db.test.TestServices;

import static io.parx.admin.channels.ChannelFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #21: a channel's test-read and writes go to the collector instance of its group
 * that runs it, found in the instance records the collectors keep in Redis
 * (docs/CONTRACTS.md, "Redis"), not to one fixed {@code PARX_COLLECTOR_URL}; a group
 * whose several live instances run none of them answers 503, a group without records
 * falls back to {@code PARX_COLLECTOR_URL}.
 */
class CollectorRoutingTests extends AbstractIntegrationTest {

	private static final String GOOD_READ = "{\"value\":1.5,\"quality\":0,\"qualityName\":\"Good\",\"latencyMs\":3}";

	private static final String GOOD_WRITE = "{\"written\":5,\"readBack\":5,\"previous\":1,\"quality\":0,"
			+ "\"qualityName\":\"Good\",\"latencyMs\":4}";

	@Autowired
	JsonMapper json;

	@Autowired
	StringRedisTemplate redis;

	private final RedisKeys keys = new RedisKeys(TestServices.redisPrefix());

	private CollectorStub a;

	private CollectorStub b;

	private String group;

	@BeforeEach
	void twoInstances() {
		this.a = CollectorStub.start();
		this.b = CollectorStub.start();
		this.a.answer(200, GOOD_READ);
		this.b.answer(200, GOOD_READ);
		CollectorStub.shared().reset();
		CollectorStub.shared().answer(200, GOOD_READ);
		this.group = "routing-" + System.nanoTime();
	}

	@AfterEach
	void stop() {
		this.a.close();
		this.b.close();
	}

	@Test
	void testReadsAndWritesGoToTheInstanceThatHoldsTheChannel() throws Exception {
		long first = create("routing.first");
		long second = create("routing.second");
		register("a", this.a.url(), first);
		register("b", this.b.url(), second);

		this.mvc.perform(post("/api/v1/io/channels/" + first + "/test").with(as(Role.ENGINEER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.value").value(1.5));
		assertThat(this.a.lastRequest().path()).isEqualTo("/api/v1/collector/test");
		assertThat(this.b.lastRequest()).isNull();

		this.b.answer(200, GOOD_WRITE);
		this.mvc
			.perform(post("/api/v1/io/channels/" + second + "/write").contentType(MediaType.APPLICATION_JSON)
				.content("{\"value\":5}")
				.with(as(Role.ENGINEER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.written").value(5));
		assertThat(this.b.lastRequest().path()).isEqualTo("/api/v1/collector/write");
		assertThat(this.json.readTree(this.b.lastRequest().body()).get("channel").get("id").asLong()).isEqualTo(second);
		assertThat(CollectorStub.shared().lastRequest()).isNull();
	}

	@Test
	void aChannelNoLiveInstanceHoldsIsA503NamingTheGroup() throws Exception {
		long orphan = create("routing.orphan");
		long other = create("routing.other");
		long third = create("routing.third");
		register("a", this.a.url(), other);
		register("b", this.b.url(), third);
		this.mvc.perform(post("/api/v1/io/channels/" + orphan + "/test").with(as(Role.ENGINEER)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.type").value("/problems/collector-unavailable"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers
				.containsString("no instance of collector group '" + this.group + "' runs channel routing.orphan")));
		assertThat(this.a.lastRequest()).isNull();
		assertThat(this.b.lastRequest()).isNull();
		assertThat(CollectorStub.shared().lastRequest()).isNull();
	}

	@Test
	void aLoneInstanceGetsTheCallsOfAChannelItHasNotLoadedYet() throws Exception {
		// e.g. a channel tested right after it was created, before the collector's record
		// lists it
		long fresh = create("routing.fresh");
		register("a", this.a.url(), create("routing.loaded"));
		this.mvc.perform(post("/api/v1/io/channels/" + fresh + "/test").with(as(Role.ENGINEER)))
			.andExpect(status().isOk());
		assertThat(this.a.lastRequest().path()).isEqualTo("/api/v1/collector/test");
	}

	@Test
	void aGroupWithoutInstanceRecordsUsesTheConfiguredCollectorUrl() throws Exception {
		long channel = create("routing.fallback");
		this.mvc.perform(post("/api/v1/io/channels/" + channel + "/test").with(as(Role.ENGINEER)))
			.andExpect(status().isOk());
		assertThat(CollectorStub.shared().lastRequest().path()).isEqualTo("/api/v1/collector/test");
		assertThat(this.a.lastRequest()).isNull();
	}

	private void register(String instance, String url, long channel) {
		CollectorInstance record = new CollectorInstance(this.group, instance, url,
				List.of(new CollectorInstance.HeldConnection("modbus://127.0.0.1:502/1", 1, List.of(channel))), null);
		this.redis.opsForValue()
			.set(this.keys.collectorInstance(this.group, instance), record.toJson(), Duration.ofMinutes(1));
		this.redis.opsForSet().add(this.keys.collectorInstances(this.group), instance);
	}

	private long create(String name) throws Exception {
		Map<String, Object> body = ChannelFixtures.modbus(name);
		body.put("collector", this.group);
		settings(body).put("writable", true);
		String response = this.mvc
			.perform(post("/api/v1/io/channels").contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body))
				.with(as(Role.ENGINEER)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(response).get("id").asLong();
	}

}
