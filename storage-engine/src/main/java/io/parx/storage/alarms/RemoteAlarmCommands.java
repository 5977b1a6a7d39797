package io.parx.storage.alarms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.parx.common.audit.Actor;
import io.parx.common.audit.AuditTrail;
import io.parx.common.redis.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.ErrorResponseException;

/**
 * Alarm commands asked of a storage engine that stands by, carried through Redis to the
 * one holding the ingest lease, the one writer of alarm state (issue 21). The standby
 * pushes a {@link Forwarded} on the list {@code <prefix>storage:alarm-commands} and waits
 * on its reply list; the holder pops them between batches, applies them like its own
 * (audit first, then state and journal in one transaction) and pushes the {@link Reply}.
 * A command nobody took within the timeout is taken back from the list and not applied.
 */
public class RemoteAlarmCommands {

	private static final Logger logger = LoggerFactory.getLogger(RemoteAlarmCommands.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Commands taken per call: the rest wait for the next pause between batches. */
	private static final int TAKE = 100;

	/** How long a reply waits for a standby that gave up on it. */
	private static final long REPLY_TTL_SECONDS = 60;

	private final Supplier<RedisClient> client;

	private final RedisKeys keys;

	private final AuditTrail audit;

	private final AlarmStore store;

	private StatefulRedisConnection<String, String> connection;

	public RemoteAlarmCommands(Supplier<RedisClient> client, RedisKeys keys, AuditTrail audit, AlarmStore store) {
		this.client = client;
		this.keys = keys;
		this.audit = audit;
		this.store = store;
	}

	/**
	 * Hands the command to the lease holder and waits for its answer.
	 * @return the alarm's state after the command, as committed
	 * @throws ErrorResponseException the holder's 404 or 409, or 503 when no holder took
	 * it in time (then it is not applied)
	 */
	AlarmState forward(AlarmCommand command, Duration timeout) {
		Forwarded forwarded = Forwarded.of(command);
		String json = JSON.writeValueAsString(forwarded);
		String replies = this.keys.storageAlarmReply(forwarded.id());
		// its own connection: BLPOP holds one until the answer
		try (StatefulRedisConnection<String, String> own = this.client.get().connect()) {
			RedisCommands<String, String> redis = own.sync();
			redis.setTimeout(timeout.plusSeconds(5));
			redis.lpush(this.keys.storageAlarmCommands(), json);
			KeyValue<String, String> reply = redis.blpop(timeout.toSeconds(), replies);
			if (reply == null) {
				if (redis.lrem(this.keys.storageAlarmCommands(), 1, json) == 1) {
					throw AlarmProblems
						.unavailable("No storage engine holding the ingest lease took the command within " + timeout
								+ "; nothing was changed");
				}
				// taken meanwhile: its one write attempt decides
				reply = redis.blpop(timeout.toSeconds(), replies);
				if (reply == null) {
					throw AlarmProblems.unavailable("The storage engine holding the ingest lease took the command "
							+ "but did not answer within " + timeout
							+ "; see the alarm journal for whether it applied");
				}
			}
			return answer(command.definitionId(), JSON.readValue(reply.getValue(), Reply.class));
		}
	}

	private AlarmState answer(long definitionId, Reply reply) {
		switch (reply.status()) {
			case 200 -> {
				try {
					return this.store.load(definitionId)
						.orElseThrow(
								() -> AlarmProblems.unavailable("The alarm state was not found after the command"));
				}
				catch (java.sql.SQLException ex) {
					throw AlarmProblems.unavailable("The command was applied; its state cannot be read: " + ex);
				}
			}
			case 404 -> throw AlarmProblems.notFound(definitionId);
			case 409 -> throw AlarmProblems.conflict(reply.detail());
			default -> throw AlarmProblems.unavailable(reply.detail());
		}
	}

	/**
	 * The commands standbys forwarded, oldest first, each answering its standby once it
	 * is decided; for the ingest thread of the lease holder. An unreachable Redis gives
	 * none.
	 */
	List<AlarmCommand> take() {
		List<AlarmCommand> commands = new ArrayList<>();
		List<String> taken;
		try {
			taken = redis().rpop(this.keys.storageAlarmCommands(), TAKE);
		}
		catch (RuntimeException ex) {
			logger.warn("Cannot read forwarded alarm commands: {}", ex.toString());
			return commands;
		}
		for (String json : (taken != null) ? taken : List.<String>of()) {
			Forwarded forwarded;
			try {
				forwarded = JSON.readValue(json, Forwarded.class);
			}
			catch (RuntimeException ex) {
				logger.warn("Dropped a forwarded alarm command that cannot be read: {}", ex.toString());
				continue;
			}
			AlarmCommand command = forwarded.command(this.audit);
			command.result().whenComplete((state, failure) -> reply(forwarded.id(), Reply.of(failure)));
			commands.add(command);
		}
		return commands;
	}

	private void reply(String id, Reply reply) {
		try {
			String key = this.keys.storageAlarmReply(id);
			redis().lpush(key, JSON.writeValueAsString(reply));
			redis().expire(key, REPLY_TTL_SECONDS);
		}
		catch (RuntimeException ex) {
			logger.warn("Cannot answer a forwarded alarm command (the standby answers 503): {}", ex.toString());
		}
	}

	private synchronized RedisCommands<String, String> redis() {
		if (this.connection == null) {
			this.connection = this.client.get().connect();
		}
		return this.connection.sync();
	}

	/**
	 * What travels: the command without its audit action and result, rebuilt by the
	 * holder.
	 */
	record Forwarded(String id, String kind, long definitionId, String username, Long userId, String clientIp,
			long atMicros, String comment, Long untilMicros) {

		static Forwarded of(AlarmCommand command) {
			Actor actor = command.actor();
			String id = UUID.randomUUID().toString();
			return switch (command) {
				case AlarmCommand.Acknowledge ack -> new Forwarded(id, "acknowledge", ack.definitionId(),
						actor.username(), actor.userId(), actor.clientIp(), ack.atMicros(), ack.comment(), null);
				case AlarmCommand.Shelve shelve -> new Forwarded(id, "shelve", shelve.definitionId(), actor.username(),
						actor.userId(), actor.clientIp(), shelve.atMicros(), null, shelve.untilMicros());
			};
		}

		AlarmCommand command(AuditTrail audit) {
			Actor actor = new Actor(this.username, this.userId, this.clientIp);
			return "shelve".equals(this.kind)
					? AlarmCommand.shelve(audit, actor, this.definitionId, this.atMicros, this.untilMicros)
					: AlarmCommand.acknowledge(audit, actor, this.definitionId, this.atMicros, this.comment);
		}

	}

	/** The holder's answer: 200, or the status and detail of its problem. */
	record Reply(int status, String detail) {

		static Reply of(Throwable failure) {
			if (failure == null) {
				return new Reply(200, null);
			}
			Throwable cause = (failure.getCause() != null && !(failure instanceof ErrorResponseException))
					? failure.getCause() : failure;
			if (cause instanceof ErrorResponseException problem) {
				return new Reply(problem.getStatusCode().value(), problem.getBody().getDetail());
			}
			return new Reply(503, "The alarm state could not be written: " + cause);
		}

	}

}
