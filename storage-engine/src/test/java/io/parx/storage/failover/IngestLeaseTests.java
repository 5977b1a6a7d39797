package io.parx.storage.failover;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.lettuce.core.RedisClient;
import io.parx.common.redis.RedisKeys;
import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import io.parx.db.test.TestServices;
import io.parx.db.test.TimeseriesBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ingest lease against real Redis and TimescaleDB: one holder at a time, and the
 * fence that keeps a holder whose lease was taken over from committing anything.
 */
class IngestLeaseTests {

	private static final FailoverSettings SETTINGS = new FailoverSettings(Duration.ofSeconds(8), Duration.ofMillis(500),
			Duration.ofSeconds(2));

	private static final TestDatabase DB = TestDatabases.createTimeseriesDb(TimeseriesBackend.TIMESCALE);

	private final RedisKeys keys = new RedisKeys(TestServices.redisPrefix() + "lease-" + System.nanoTime() + ":");

	private final RedisClient redis = RedisClient.create(TestServices.redis().url());

	private final AtomicLong clock = new AtomicLong();

	private final IngestLease a = lease("a");

	private final IngestLease b = lease("b");

	@AfterEach
	void close() {
		this.a.close();
		this.b.close();
		this.redis.shutdown();
	}

	@Test
	void oneInstanceHoldsTheLeaseAndAnotherTakesItOnceReleased() {
		assertThat(this.a.tryAcquire()).isTrue();
		assertThat(this.b.tryAcquire()).isFalse();
		assertThat(this.b.holder()).isEqualTo("a");
		assertThat(this.b.isValid()).isFalse();

		this.a.release();

		assertThat(this.b.tryAcquire()).isTrue();
		assertThat(this.b.token()).isGreaterThan(0);
		assertThat(this.a.holder()).isEqualTo("b");
	}

	@Test
	void anInstanceRestartedUnderItsNameTakesItsLeaseBackAtOnce() {
		assertThat(this.a.tryAcquire()).isTrue();
		long before = this.a.token();
		// the process of a was killed; a new one of the same name starts
		IngestLease restarted = lease("a");
		try {
			assertThat(this.b.tryAcquire()).isFalse();
			assertThat(restarted.tryAcquire()).isTrue();
			assertThat(restarted.token()).isGreaterThan(before);
			assertThat(this.a.renew()).as("the old process, had it survived").isFalse();
		}
		finally {
			restarted.close();
		}
	}

	@Test
	void aHolderWhoseLeaseWasTakenOverCommitsNothingAndStopsOnItsNextRenewal() throws Exception {
		assertThat(this.a.tryAcquire()).isTrue();
		// a paused past its lease: Redis expired it, b took it
		expire();
		assertThat(this.b.tryAcquire()).isTrue();

		try (Connection connection = DB.connect()) {
			connection.setAutoCommit(false);
			assertThatThrownBy(() -> this.a.fence().writeIn(connection))
				.isInstanceOf(IngestLease.LeaseLostException.class)
				.hasMessageContaining("taken over");
			connection.rollback();
			this.b.fence().writeIn(connection);
			connection.commit();
		}
		assertThat(this.a.renew()).isFalse();
		assertThat(this.a.isValid()).isFalse();
		assertThat(this.b.renew()).isTrue();
	}

	@Test
	void aSuccessorWaitsForACommitOfItsPredecessorAlreadyUnderWay() throws Exception {
		assertThat(this.a.tryAcquire()).isTrue();
		try (Connection inFlight = DB.connect()) {
			inFlight.setAutoCommit(false);
			this.a.fence().writeIn(inFlight);
			expire();
			// the predecessor's transaction holds the fence: the raise times out, the
			// lease is given back
			assertThat(this.b.tryAcquire()).isFalse();
			assertThat(this.a.holder()).isNull();
			inFlight.commit();
		}
		assertThat(this.b.tryAcquire()).isTrue();
	}

	@Test
	void aHolderThatCannotRenewStopsBeforeRedisCouldGiveTheLeaseAway() {
		assertThat(this.a.tryAcquire()).isTrue();
		this.clock.addAndGet(Duration.ofSeconds(5).toNanos());
		assertThat(this.a.isValid()).isTrue();
		// lease-ttl 8 s - stop-margin 2 s after the last renewal was sent
		this.clock.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(this.a.isValid()).isFalse();
		assertThat(this.a.token()).isZero();
	}

	private void expire() {
		try (var connection = this.redis.connect()) {
			connection.sync().del(this.keys.storageLease());
		}
	}

	private IngestLease lease(String instance) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(DB.jdbcUrl());
		dataSource.setUser(DB.username());
		dataSource.setPassword(DB.password());
		return new IngestLease(() -> this.redis, this.keys, instance, dataSource, SETTINGS, this.clock::get);
	}

}
