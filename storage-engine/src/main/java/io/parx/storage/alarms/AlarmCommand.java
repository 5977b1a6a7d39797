package io.parx.storage.alarms;

import java.util.concurrent.CompletableFuture;

/**
 * A change of an alarm's state that a person asks for. Applied by the ingest thread, the
 * one writer of alarm state, between batches, so an acknowledgement and the evaluation of
 * samples never overwrite each other (issue 19: "acknowledge must be applied by the
 * evaluator consistently").
 */
sealed interface AlarmCommand {

	long definitionId();

	String username();

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
	record Acknowledge(long definitionId, String username, long atMicros, String comment, Runnable audit,
			CompletableFuture<AlarmState> result) implements AlarmCommand {

	}

	/** Shelve until a time, or unshelve ({@code untilMicros} null). */
	record Shelve(long definitionId, String username, long atMicros, Long untilMicros, Runnable audit,
			CompletableFuture<AlarmState> result) implements AlarmCommand {

	}

}
