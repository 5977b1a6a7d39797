package io.parx.storage.timeseries;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * More writes for the transaction of a batch (e.g. the alarm journal and state), so that
 * they commit or roll back with the batch's rows and rule state.
 */
@FunctionalInterface
public interface TransactionPart {

	TransactionPart NONE = (connection) -> {
	};

	/** Writes on the batch's connection; never commits. */
	void writeIn(Connection connection) throws SQLException;

	/** This part, then {@code next}, in the same transaction. */
	default TransactionPart andThen(TransactionPart next) {
		return (connection) -> {
			writeIn(connection);
			next.writeIn(connection);
		};
	}

}
