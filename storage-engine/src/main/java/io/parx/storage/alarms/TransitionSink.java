package io.parx.storage.alarms;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * More writes for the transitions of a transaction (the webhook outbox), so that they
 * commit or roll back with the journal rows they announce.
 */
@FunctionalInterface
public interface TransitionSink {

	TransitionSink NONE = (connection, transitions) -> {
	};

	/** Writes on the batch's connection; never commits. */
	void writeIn(Connection connection, List<AlarmTransition> transitions) throws SQLException;

}
