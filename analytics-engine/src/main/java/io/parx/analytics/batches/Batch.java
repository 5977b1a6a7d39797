package io.parx.analytics.batches;

import java.time.Instant;

/**
 * A production batch (coil) recorded by the storage engine (time-series table
 * {@code batch}); open while {@code end} is null.
 */
public record Batch(long id, long definitionId, String name, Instant start, Instant end) {

}
