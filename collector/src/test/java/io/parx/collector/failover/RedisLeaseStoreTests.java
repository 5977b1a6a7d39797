package io.parx.collector.failover;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.parx.collector.support.RedisServerProcess;
import io.parx.common.collector.CollectorInstance;
import io.parx.common.redis.RedisKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lease operations in a real Redis (docs/CONTRACTS.md, "Redis"): taken only when
 * free, tokens that grow with every acquisition, renewal and release only by the holder
 * of the token, expiry after the TTL, and the instance records the admin-api reads.
 */
class RedisLeaseStoreTests {

	private static final RedisKeys KEYS = new RedisKeys("parx-lease-test:");

	private RedisServerProcess redis;

	private RedisLeaseStore store;

	@BeforeEach
	void start() {
		this.redis = RedisServerProcess.start();
		this.store = new RedisLeaseStore(this.redis.url(), KEYS, "line-1", Duration.ofSeconds(2));
	}

	@AfterEach
	void stop() {
		this.store.close();
		this.redis.close();
	}

	@Test
	void aLeaseIsTakenOnlyWhenFreeAndEveryAcquisitionGetsAHigherToken() {
		OptionalLong first = this.store.acquire("modbus://plc1:502/1", "a", Duration.ofSeconds(10));
		assertThat(first).isPresent();
		assertThat(this.store.acquire("modbus://plc1:502/1", "b", Duration.ofSeconds(10))).isEmpty();
		OptionalLong second = this.store.acquire("modbus://plc2:502/1", "b", Duration.ofSeconds(10));
		assertThat(second.getAsLong()).isGreaterThan(first.getAsLong());
		assertThat(this.store.holders(List.of("modbus://plc1:502/1", "modbus://plc2:502/1", "modbus://plc3:502/1")))
			.containsEntry("modbus://plc1:502/1", "a")
			.containsEntry("modbus://plc2:502/1", "b")
			.containsEntry("modbus://plc3:502/1", null);
	}

	@Test
	void onlyTheHolderOfTheTokenRenewsOrReleasesALease() {
		long token = this.store.acquire("c1", "a", Duration.ofSeconds(10)).getAsLong();
		assertThat(this.store.renew(Map.of("c1", token + 1), "a", Duration.ofSeconds(10))).isEmpty();
		assertThat(this.store.renew(Map.of("c1", token), "b", Duration.ofSeconds(10))).isEmpty();
		this.store.release("c1", "a", token + 1);
		assertThat(this.store.holders(List.of("c1"))).containsEntry("c1", "a");
		assertThat(this.store.renew(Map.of("c1", token), "a", Duration.ofSeconds(10))).containsExactly("c1");
		this.store.release("c1", "a", token);
		assertThat(this.store.holders(List.of("c1"))).containsEntry("c1", null);
	}

	@Test
	void aLeaseThatIsNotRenewedExpiresAndAnotherInstanceTakesIt() {
		this.store.acquire("c1", "a", Duration.ofMillis(300));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.store.acquire("c1", "b", Duration.ofSeconds(10)).isPresent());
		assertThat(this.store.holders(List.of("c1"))).containsEntry("c1", "b");
	}

	@Test
	void instanceRecordsAreReadBackAndForgottenWhenTheyExpire() {
		CollectorInstance a = new CollectorInstance("line-1", "a", "http://127.0.0.1:1234",
				List.of(new CollectorInstance.HeldConnection("c1", 3, List.of(4L, 5L))), null);
		this.store.register(a, Duration.ofSeconds(10));
		this.store.register(new CollectorInstance("line-1", "b", null, List.of(), null), Duration.ofMillis(200));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.store.instances("line-1").size() == 1);
		CollectorInstance read = this.store.instances("line-1").get(0);
		assertThat(read).isEqualTo(a);
		assertThat(read.runs(5)).isTrue();
		assertThat(read.runs(6)).isFalse();
	}

}
