package io.parx.collector.failover;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lease rules of a collector group (issue #21) on a clock the test moves: renewal,
 * expiry, time-based fencing, takeover and sharing. Redis's side of the same operations
 * is checked in {@code RedisLeaseStoreTests}.
 */
class LeasesTests {

	private static final Duration TTL = Duration.ofSeconds(8);

	private static final Duration RENEW = Duration.ofSeconds(2);

	private static final Duration MARGIN = Duration.ofSeconds(2);

	private final AtomicLong clock = new AtomicLong(1_000_000_000L);

	private final MemoryLeaseStore store = new MemoryLeaseStore(this.clock);

	private final FailoverSettings settings = new FailoverSettings(true, null, Path.of("unused"), null, TTL, RENEW,
			MARGIN, "redis://unused");

	private final Leases a = new Leases(this.store, "a", this.settings, this.clock::get);

	private final Leases b = new Leases(this.store, "b", this.settings, this.clock::get);

	private static final Set<String> TWO = Set.of("modbus://plc1:502/1", "modbus://plc2:502/1");

	@Test
	void anInstanceAloneTakesEveryConnectionAndKeepsItByRenewing() {
		assertThat(this.a.tick(TWO, List.of())).isTrue();
		assertThat(this.a.held()).containsOnlyKeys(TWO);
		// renewed every interval, the lease outlives its TTL many times over
		for (int i = 0; i < 20; i++) {
			advance(RENEW);
			assertThat(this.a.tick(TWO, List.of())).isFalse();
		}
		assertThat(this.a.held()).containsOnlyKeys(TWO);
		assertThat(this.store.holder("modbus://plc1:502/1")).startsWith("a ");
	}

	@Test
	void aKilledInstancesConnectionsAreTakenOverOnceItsLeasesExpire() {
		this.a.tick(TWO, List.of());
		// a is killed: it renews no more. b, started meanwhile, gets nothing while the
		// leases live...
		advance(Duration.ofSeconds(1));
		assertThat(this.b.tick(TWO, List.of("a"))).isFalse();
		advance(Duration.ofSeconds(6));
		this.b.tick(TWO, List.of("a"));
		assertThat(this.b.held()).isEmpty();
		// ...and takes both within one renew interval after they expired (a's record has
		// expired with them, so b is alone)
		advance(Duration.ofSeconds(1));
		assertThat(this.b.tick(TWO, List.of())).isTrue();
		assertThat(this.b.held()).containsOnlyKeys(TWO);
	}

	@Test
	void anInstanceThatCannotRenewStopsBeforeAnotherCanTakeItsConnection() {
		this.a.tick(TWO, List.of());
		long renewedAt = this.clock.get();
		Leases.Lease lease = this.a.held().get("modbus://plc1:502/1");
		// the local deadline lies the stop margin before Redis lets the lease go
		assertThat(lease.validUntilNanos()).isEqualTo(renewedAt + TTL.minus(MARGIN).toNanos());
		this.store.down = true; // cut off from Redis (a partition, or Redis paused)
		advance(RENEW);
		this.a.tick(TWO, List.of());
		assertThat(this.a.held()).containsOnlyKeys(TWO); // one missed renewal is
															// tolerated
		advance(Duration.ofSeconds(4)); // 6 s after the last renewal: validity is over
		assertThat(this.a.tick(TWO, List.of())).isTrue();
		assertThat(this.a.held()).isEmpty();
		// at that moment Redis still holds the lease for the stop margin: nobody else
		// can read the device yet
		this.store.down = false;
		assertThat(this.b.tick(TWO, List.of())).isFalse();
		assertThat(this.b.held()).isEmpty();
		advance(MARGIN);
		assertThat(this.b.tick(TWO, List.of())).isTrue();
		assertThat(this.b.held()).containsOnlyKeys(TWO);
	}

	@Test
	void aPausedInstanceThatWakesAfterATakeoverLosesItsLeaseAndCannotRenewTheSuccessors() {
		this.a.tick(TWO, List.of());
		long firstToken = this.a.held().get("modbus://plc1:502/1").token();
		advance(Duration.ofSeconds(9)); // a paused (a long GC, a stopped VM) past the TTL
		this.b.tick(TWO, List.of());
		assertThat(this.b.held()).containsOnlyKeys(TWO);
		assertThat(this.b.held().get("modbus://plc1:502/1").token()).isGreaterThan(firstToken);
		// a wakes: its deadline has passed, it stops without touching b's leases
		assertThat(this.a.tick(TWO, List.of("b"))).isTrue();
		assertThat(this.a.held()).isEmpty();
		assertThat(this.store.holder("modbus://plc1:502/1")).startsWith("b ");
	}

	@Test
	void aRenewalWithAStaleTokenFailsAndOnlyThatConnectionStops() {
		this.a.tick(TWO, List.of());
		// Redis lost the lease (restarted without its data) and b took the connection
		// while a's local deadline had not passed
		this.store.forget("modbus://plc1:502/1");
		this.b.tick(TWO, List.of("a"));
		assertThat(this.b.held()).containsOnlyKeys("modbus://plc1:502/1");
		advance(RENEW);
		// a's compare-and-set renewal finds b's token: a stops that connection only
		assertThat(this.a.tick(TWO, List.of("b"))).isTrue();
		assertThat(this.a.held()).containsOnlyKeys("modbus://plc2:502/1");
		assertThat(this.store.holder("modbus://plc1:502/1")).startsWith("b ");
	}

	@Test
	void twoInstancesShareTheConnectionsAndAJoiningInstanceGetsItsShare() {
		Set<String> four = Set.of("c1", "c2", "c3", "c4");
		this.a.tick(four, List.of());
		assertThat(this.a.held()).hasSize(4);
		// b joins: a stops its surplus first and releases it a tick later, so b never
		// reads a device a still reads; b takes it, nothing moves back afterwards
		this.b.tick(four, List.of("a"));
		advance(RENEW);
		assertThat(this.a.tick(four, List.of("b"))).isTrue();
		assertThat(this.a.held()).hasSize(2);
		this.b.tick(four, List.of("a"));
		assertThat(this.b.held()).isEmpty();
		advance(RENEW);
		this.a.tick(four, List.of("b"));
		this.b.tick(four, List.of("a"));
		assertThat(this.b.held()).hasSize(2);
		for (int i = 0; i < 5; i++) {
			advance(RENEW);
			assertThat(this.a.tick(four, List.of("b"))).isFalse();
			assertThat(this.b.tick(four, List.of("a"))).isFalse();
		}
		assertThat(this.a.held().keySet()).doesNotContainAnyElementsOf(this.b.held().keySet());
	}

	@Test
	void aConnectionNoChannelNeedsAnyMoreIsGivenUp() {
		this.a.tick(TWO, List.of());
		assertThat(this.a.tick(Set.of("modbus://plc1:502/1"), List.of())).isTrue();
		assertThat(this.a.held()).containsOnlyKeys("modbus://plc1:502/1");
		assertThat(this.store.holder("modbus://plc2:502/1")).isNull();
	}

	@Test
	void aCleanShutdownReleasesTheLeasesAtOnce() {
		this.a.tick(TWO, List.of());
		this.a.releaseAll();
		assertThat(this.b.tick(TWO, List.of())).isTrue();
		assertThat(this.b.held()).containsOnlyKeys(TWO);
	}

	private void advance(Duration duration) {
		this.clock.addAndGet(duration.toNanos());
	}

}
