package io.parx.admin.system;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;

import io.parx.common.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.lessThan;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The findings of issue #17 on the admin-api: a NUL in any text was a misleading 409 from
 * PostgreSQL, sizes were unbounded, and some filters accepted anything.
 */
class InputLimitsTests extends AbstractIntegrationTest {

	@Autowired
	StringRedisTemplate redis;

	@Value("${parx.redis.prefix}")
	String prefix;

	private static String json(String text) {
		return text.replace('\'', '"');
	}

	@Test
	void aNulInAnyTextFieldIsA400NamingTheFieldNotA409() throws Exception {
		expectRefused(post("/api/v1/storage/rules"), "{'name':'a\\u0000b','mode':'CONTINUOUS'}", "name");
		expectRefused(post("/api/v1/storage/rules"), "{'name':'r','fileDirectory':'a\\u0000'}", "fileDirectory");
		expectRefused(post("/api/v1/io/channels"), "{'name':'c','description':'a\\u0000'}", "description");
		expectRefused(post("/api/v1/io/channels"), "{'name':'c','tags':['ok','a\\u0000']}", "tags[1]");
		expectRefused(post("/api/v1/dashboards"), "{'name':'a\\u0000'}", "name");
		expectRefused(post("/api/v1/dashboards"),
				"{'name':'d','layout':{'widgets':[{'kind':'TEXT','options':{'text':'a\\u0000'}}]}}",
				"layout.widgets[0].options.text");
	}

	@Test
	void aNulInAFilterIsA400NamingTheParameter() throws Exception {
		for (String filter : new String[] { "/api/v1/io/channels?name=a%00b", "/api/v1/io/channels?tag=a%00b",
				"/api/v1/audit?user=a%00b" }) {
			String parameter = filter.substring(filter.indexOf('?') + 1, filter.indexOf('='));
			this.mvc.perform(get(URI.create(filter)).with(as(Role.ADMIN)))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value(parameter));
		}
	}

	@Test
	void anUnknownAuditActionIsA400() throws Exception {
		this.mvc.perform(get("/api/v1/audit?action=HACK").with(as(Role.ADMIN)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("action"));
	}

	@Test
	void unknownFieldsOfANewUserAreRefusedLikeEverywhereElse() throws Exception {
		this.mvc
			.perform(post("/api/v1/users").with(as(Role.ADMIN))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("{'username':'unknown.field','password':'long-enough-pw','role':'OPERATOR',"
						+ "'isAdmin':true}")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("isAdmin"));
	}

	@Test
	void aTooLongUserNameIsRefusedBeforeTheThrottleOrTheDatabase() throws Exception {
		this.mvc
			.perform(post("/api/v1/auth/login").with(from(freshIp()))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("{'username':'" + "u".repeat(101) + "','password':'x'}")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("username"));
	}

	@Test
	void failedLoginsWithHugeUserNamesDoNotFillRedis() throws Exception {
		// an anonymous client stored each user name as a Redis key: 50 MB names filled
		// Redis
		long before = throttleBytes();
		String huge = "h".repeat(1_000_000);
		String ip = freshIp();
		for (int i = 0; i < 1000; i++) {
			this.mvc
				.perform(post("/api/v1/auth/login").with(from(ip))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"username\":\"" + i + huge + "\",\"password\":\"x\"}"))
				.andExpect(status().is4xxClientError());
		}
		// legal names still reach the throttle, under a hashed key
		for (int i = 0; i < 20; i++) {
			this.mvc
				.perform(post("/api/v1/auth/login").with(from(freshIp()))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"username\":\"" + i + "x".repeat(98) + "\",\"password\":\"x\"}"))
				.andExpect(status().isUnauthorized());
		}
		assertThat(throttleBytes() - before).isLessThan(1024 * 1024);
		try (Cursor<String> keys = this.redis.scan(ScanOptions.scanOptions().match(this.prefix + "auth:*").build())) {
			keys.forEachRemaining((key) -> assertThat(key).hasSizeLessThan(this.prefix.length() + 100));
		}
	}

	@Test
	void aMegabyteOfDashboardTextIsRefused() throws Exception {
		String text = "t".repeat(900_000);
		this.mvc
			.perform(post("/api/v1/dashboards").with(as(Role.ENGINEER))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("{'name':'huge.text','layout':{'widgets':[{'kind':'TEXT','x':0,'y':0,'w':4,'h':3,"
						+ "'options':{'text':'" + text + "'}}]}}")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("layout.widgets[0].options.text"));
	}

	@Test
	void aCsvImportEchoesOnlyAShortPrefixOfABadName() throws Exception {
		String name = "n".repeat(500_000) + "/";
		this.mvc
			.perform(post("/api/v1/io/channels/import").with(as(Role.ENGINEER))
				.contentType("text/csv")
				.content("name,protocol\n" + name + ",SIMULATOR\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errors[0].name", hasLength(lessThan(100))));
	}

	private void expectRefused(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String body, String field) throws Exception {
		this.mvc.perform(request.with(as(Role.ADMIN)).contentType(MediaType.APPLICATION_JSON).content(json(body)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

	private long throttleBytes() {
		long bytes = 0;
		try (Cursor<String> keys = this.redis.scan(ScanOptions.scanOptions().match(this.prefix + "auth:*").build())) {
			while (keys.hasNext()) {
				String key = keys.next();
				String value = ("string".equals(this.redis.type(key).code())) ? this.redis.opsForValue().get(key) : "";
				bytes += key.length() + ((value != null) ? value.length() : 0);
			}
		}
		return bytes;
	}

}
