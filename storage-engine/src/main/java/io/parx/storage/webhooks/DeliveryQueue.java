package io.parx.storage.webhooks;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox as a queue of due deliveries (time-series schema V5,
 * {@code alarm_notification}). Times are the database's, so that instances with skewed
 * clocks agree on what is due.
 */
class DeliveryQueue {

	private static final int MAX_ERROR_LENGTH = 500;

	private final JdbcClient jdbc;

	DeliveryQueue(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/**
	 * Takes up to {@code limit} due deliveries and hides them from other instances for
	 * the lease; counts the attempt now, so one cut short by a crash counts too. Skips
	 * rows another instance is claiming at the same moment instead of waiting for it.
	 */
	List<Claimed> claim(int limit, Duration lease) {
		return this.jdbc.sql("""
				update alarm_notification set attempts = attempts + 1, last_attempt_at = now(),
				    next_attempt_at = now() + make_interval(secs => :lease)
				where id in (select id from alarm_notification
				             where status = 'PENDING' and next_attempt_at <= now()
				             order by next_attempt_at, id limit :limit for update skip locked)
				returning id, webhook_id, event, payload, attempts""")
			.param("lease", seconds(lease))
			.param("limit", limit)
			.query((rs, row) -> new Claimed(rs.getLong("id"), rs.getLong("webhook_id"), rs.getString("event"),
					rs.getString("payload"), rs.getInt("attempts")))
			.list();
	}

	void delivered(long id, int statusCode) {
		this.jdbc.sql("""
				update alarm_notification set status = 'DELIVERED', last_status_code = :code, last_error = null,
				    finished_at = now(), next_attempt_at = now()
				where id = :id and status = 'PENDING'""").param("code", statusCode).param("id", id).update();
	}

	/**
	 * Records a failed attempt: tried again after the backoff, or given up when the
	 * delivery is older than the maximum age.
	 * @return whether it was given up
	 */
	boolean attemptFailed(long id, Integer statusCode, String error, Duration backoff, Duration maxAge) {
		return this.jdbc.sql("""
				update alarm_notification set last_status_code = :code, last_error = :error,
				    status = case when created_at <= now() - make_interval(secs => :maxAge) then 'FAILED'
				                  else 'PENDING' end,
				    finished_at = case when created_at <= now() - make_interval(secs => :maxAge) then now() end,
				    next_attempt_at = now() + make_interval(secs => :backoff)
				where id = :id and status = 'PENDING'
				returning status""")
			.param("code", statusCode)
			.param("error", bounded(error))
			.param("maxAge", seconds(maxAge))
			.param("backoff", seconds(backoff))
			.param("id", id)
			.query(String.class)
			.optional()
			.map("FAILED"::equals)
			.orElse(false);
	}

	/** The webhook was disabled or deleted before the delivery: never sent. */
	void discarded(long id, String reason) {
		this.jdbc.sql("""
				update alarm_notification set status = 'DISCARDED', last_error = :reason, finished_at = now()
				where id = :id and status = 'PENDING'""").param("reason", reason).param("id", id).update();
	}

	/** Queues a test delivery, due now; returns its id. */
	long enqueueTest(long webhookId, String payload) {
		return this.jdbc.sql("""
				insert into alarm_notification (webhook_id, event, priority, payload)
				values (:webhookId, 'TEST', 0, :payload) returning id""")
			.param("webhookId", webhookId)
			.param("payload", payload)
			.query(Long.class)
			.single();
	}

	/**
	 * Forgets finished deliveries older than {@code history}, and all but the newest
	 * {@code maxPerWebhook} finished ones of each webhook.
	 * @return how many rows were deleted
	 */
	int prune(Duration history, int maxPerWebhook) {
		int old = this.jdbc.sql("""
				delete from alarm_notification
				where status <> 'PENDING' and finished_at < now() - make_interval(secs => :history)""")
			.param("history", seconds(history))
			.update();
		int surplus = this.jdbc.sql("""
				delete from alarm_notification where id in (
				    select id from (select id, row_number() over (partition by webhook_id order by id desc) as n
				                    from alarm_notification where status <> 'PENDING') finished
				    where n > :max)""").param("max", maxPerWebhook).update();
		return old + surplus;
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	private static String bounded(String error) {
		return (error == null || error.length() <= MAX_ERROR_LENGTH) ? error : error.substring(0, MAX_ERROR_LENGTH);
	}

	/**
	 * A delivery taken for an attempt.
	 *
	 * @param attempts the attempts so far, this one included
	 */
	record Claimed(long id, long webhookId, String event, String payload, int attempts) {

	}

}
