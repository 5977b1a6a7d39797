package io.parx.storage.failover;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.parx.common.redis.RedisKeys;
import io.parx.storage.timeseries.TransactionPart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The right to consume the sample stream, so that rule and alarm state has one writer
 * however many storage engines run (issue 21). Taken when absent in Redis
 * ({@code <prefix>storage:lease}, TTL {@code lease-ttl}), renewed and released only by
 * its holder (compare in Lua); fenced in the time-series database, which is what makes it
 * safe: taking the lease raises the token of {@code storage_lease}, and {@link #fence()}
 * rolls back any transaction of an instance whose token is no longer the current one.
 *
 * <p>
 * Locally the lease is valid until {@code lease-ttl - stop-margin} after its last renewal
 * was sent; the ingest thread stops reading once it is not. One instance, one lease:
 * {@link #tryAcquire()} from the ingest thread, {@link #renew()} from the keeper.
 */
public final class IngestLease implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(IngestLease.class);

	/**
	 * Free, or held by an earlier process of this instance's name (it restarted: the one
	 * of that name that held it is gone).
	 */
	private static final String ACQUIRE = """
			local current = redis.call('GET', KEYS[1])
			if current and string.sub(current, 1, string.len(ARGV[1]) + 1) ~= ARGV[1] .. ' ' then return 0 end
			redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
			if current then return 2 end
			return 1
			""";

	private static final String RENEW = """
			if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
			return 0
			""";

	private static final String RELEASE = """
			if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
			return 0
			""";

	private static final String RAISE = """
			insert into storage_lease (partition, token, holder) values (0, 1, ?)
			on conflict (partition) do update
			set token = storage_lease.token + 1, holder = excluded.holder, taken_at = now()
			returning token""";

	private static final String CHECK = "select token from storage_lease where partition = 0 for share";

	/** Resolved at first use: the connection factory starts after this is built. */
	private final Supplier<RedisClient> client;

	private final String key;

	private final String instance;

	/**
	 * Unique per acquisition, so a restarted instance of the same name is another holder.
	 */
	private volatile String value;

	private final DataSource dataSource;

	private final FailoverSettings settings;

	private final LongSupplier nanos;

	private StatefulRedisConnection<String, String> connection;

	/** The fencing token while held, 0 otherwise. */
	private volatile long token;

	private volatile long validUntil;

	public IngestLease(Supplier<RedisClient> client, RedisKeys keys, String instance, DataSource dataSource,
			FailoverSettings settings) {
		this(client, keys, instance, dataSource, settings, System::nanoTime);
	}

	IngestLease(Supplier<RedisClient> client, RedisKeys keys, String instance, DataSource dataSource,
			FailoverSettings settings, LongSupplier nanos) {
		this.client = client;
		this.key = keys.storageLease();
		this.instance = instance;
		this.dataSource = dataSource;
		this.settings = settings;
		this.nanos = nanos;
	}

	/**
	 * Takes the lease if it is free, or held under this instance's name by an earlier
	 * process (restarted after a crash, it need not wait for its own lease to expire),
	 * and raises the fence.
	 * @return whether this instance holds it now
	 */
	public synchronized boolean tryAcquire() {
		String candidate = this.instance + " " + UUID.randomUUID();
		long sent = this.nanos.getAsLong();
		try {
			Long taken = redis().eval(ACQUIRE, ScriptOutputType.INTEGER, new String[] { this.key }, this.instance,
					candidate, Long.toString(this.settings.leaseTtl().toMillis()));
			if (taken == null || taken == 0L) {
				return false;
			}
			if (taken == 2L) {
				logger.warn("Took over the ingest lease held under this instance's name {}: an earlier process of "
						+ "it died; if another process runs under the same name, give each its own "
						+ "(PARX_STORAGE_INGEST_CONSUMER_NAME)", this.instance);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Cannot reach Redis for the ingest lease: {}", ex.toString());
			return false;
		}
		this.value = candidate;
		this.validUntil = sent + this.settings.localValidity().toNanos();
		try {
			this.token = raiseFence();
		}
		catch (SQLException ex) {
			logger.warn("Took the ingest lease but cannot raise its fence, giving it back: {}", ex.toString());
			release();
			return false;
		}
		// raising waits for a commit of the previous holder under way: renew after it
		return renew();
	}

	/**
	 * Extends the lease.
	 * @return whether it is still valid locally
	 */
	public synchronized boolean renew() {
		if (this.token == 0) {
			return false;
		}
		long sent = this.nanos.getAsLong();
		try {
			Long renewed = redis().eval(RENEW, ScriptOutputType.INTEGER, new String[] { this.key }, this.value,
					Long.toString(this.settings.leaseTtl().toMillis()));
			if (renewed != null && renewed == 1L) {
				this.validUntil = sent + this.settings.localValidity().toNanos();
			}
			else {
				logger.warn("The ingest lease was taken over by another instance");
				this.token = 0;
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Cannot renew the ingest lease: {}", ex.toString());
		}
		return isValid();
	}

	/** Whether this instance holds the lease and may go on consuming. */
	public boolean isValid() {
		return this.token != 0 && this.nanos.getAsLong() - this.validUntil < 0;
	}

	/** The fencing token while held, 0 otherwise. */
	public long token() {
		return isValid() ? this.token : 0;
	}

	/** Gives the lease up (after the last commit), so a standby takes over at once. */
	public synchronized void release() {
		this.token = 0;
		try {
			redis().eval(RELEASE, ScriptOutputType.INTEGER, new String[] { this.key }, this.value);
		}
		catch (RuntimeException ex) {
			logger.warn("Cannot release the ingest lease (it expires by itself): {}", ex.toString());
		}
	}

	/** This instance's name. */
	public String instance() {
		return this.instance;
	}

	/** The instance holding the lease, or {@code null} when none does. */
	public String holder() {
		try {
			String current = redis().get(this.key);
			return (current != null) ? current.substring(0, current.lastIndexOf(' ')) : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Part of every transaction of the holder: fails it when another instance has taken
	 * the lease since.
	 */
	public TransactionPart fence() {
		long mine = this.token;
		return (connection) -> {
			try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(CHECK)) {
				long current = rows.next() ? rows.getLong(1) : 0;
				if (current != mine) {
					throw new LeaseLostException(mine, current);
				}
			}
		};
	}

	private long raiseFence() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement timeout = connection.createStatement()) {
				// a frozen predecessor inside a commit holds the row: try again later
				timeout.execute("set local lock_timeout = " + this.settings.renewInterval().toMillis());
			}
			try (PreparedStatement raise = connection.prepareStatement(RAISE)) {
				raise.setString(1, this.instance);
				try (ResultSet rows = raise.executeQuery()) {
					rows.next();
					long raised = rows.getLong(1);
					connection.commit();
					return raised;
				}
			}
			catch (SQLException ex) {
				connection.rollback();
				throw ex;
			}
		}
	}

	private synchronized RedisCommands<String, String> redis() {
		if (this.connection == null) {
			this.connection = this.client.get().connect();
			this.connection.setTimeout(this.settings.renewInterval());
		}
		return this.connection.sync();
	}

	@Override
	public synchronized void close() {
		if (this.connection != null) {
			this.connection.close();
			this.connection = null;
		}
	}

	/** A transaction of an instance whose lease another instance has taken since. */
	public static final class LeaseLostException extends SQLException {

		LeaseLostException(long mine, long current) {
			super("The ingest lease was taken over (fencing token " + current + ", this instance's " + mine
					+ "); nothing of this transaction is written");
		}

	}

}
