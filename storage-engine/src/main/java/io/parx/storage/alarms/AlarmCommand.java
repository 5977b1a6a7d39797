package io.parx.storage.alarms;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.parx.common.audit.Actor;
import io.parx.common.audit.AuditActions;
import io.parx.common.audit.AuditTrail;

/**
 * A change of an alarm's state that a person asks for. Applied by the ingest thread, the
 * one writer of alarm state, between batches, so an acknowledgement and the evaluation of
 * samples never overwrite each other (issue 19: "acknowledge must be applied by the
 * evaluator consistently").
 */
sealed interface AlarmCommand {

	long definitionId();

	/** Who asked for it, from where. */
	Actor actor();

	default String username() {
		return actor().username();
	}

	/** When it was asked for, microseconds since the epoch: the journal entry's time. */
	long atMicros();

	/**
	 * Writes the audit entry; throws when it cannot, and then the command does not take
	 * effect.
	 */
	Runnable audit();

	/** Completed with the alarm's state once committed, or with the problem. */
	CompletableFuture<AlarmState> result();

	/** Acknowledge, with an optional comment. */
	record Acknowledge(long definitionId, Actor actor, long atMicros, String comment, Runnable audit,
			CompletableFuture<AlarmState> result) implements AlarmCommand {

	}

	/** Shelve until a time, or unshelve ({@code untilMicros} null). */
	record Shelve(long definitionId, Actor actor, long atMicros, Long untilMicros, Runnable audit,
			CompletableFuture<AlarmState> result) implements AlarmCommand {

	}

	/** An acknowledgement that the evaluator audits when it takes effect. */
	static Acknowledge acknowledge(AuditTrail audit, Actor actor, long definitionId, long atMicros, String comment) {
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("comment", comment);
		return new Acknowledge(definitionId, actor, atMicros, comment,
				() -> audit.record(actor, AuditActions.ACKNOWLEDGE, "alarm", definitionId, null, after, null),
				new CompletableFuture<>());
	}

	/** A shelving ({@code untilMicros} null: unshelving) audited with its duration. */
	static Shelve shelve(AuditTrail audit, Actor actor, long definitionId, long atMicros, Long untilMicros) {
		Duration duration = (untilMicros != null) ? Duration.of(untilMicros - atMicros, ChronoUnit.MICROS)
				: Duration.ZERO;
		Map<String, Object> after = Map.of("duration", duration.toString());
		return new Shelve(definitionId, actor, atMicros, untilMicros,
				() -> audit.record(actor, AuditActions.SHELVE, "alarm", definitionId, null, after, null),
				new CompletableFuture<>());
	}

}
