package io.parx.analytics.derived;

import java.time.Instant;

/**
 * A saved formula, queried like a channel (config database, table
 * {@code derived_signal}).
 */
public record DerivedSignal(long id, String name, String description, String formula, String unit, String createdBy,
		long version, Instant createdAt, Instant updatedAt) {

}
