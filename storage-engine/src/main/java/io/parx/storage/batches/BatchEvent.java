package io.parx.storage.batches;

/** A batch opened or closed, written to the {@code batch} table with the samples. */
public sealed interface BatchEvent {

	long definitionId();

	long timeMicros();

	record Opened(long definitionId, String name, long timeMicros) implements BatchEvent {

	}

	record Closed(long definitionId, long timeMicros) implements BatchEvent {

	}

}
