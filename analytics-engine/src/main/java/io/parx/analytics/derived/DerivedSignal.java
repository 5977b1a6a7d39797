package io.parx.analytics.derived;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A saved formula, queried like a channel (config database, table
 * {@code derived_signal}).
 */
@Schema(requiredProperties = { "id", "name", "description", "formula", "unit", "createdBy", "version", "createdAt",
		"updatedAt" })
public record DerivedSignal(long id, String name, String description, String formula, String unit,
		@Schema(description = "User name of who saved it", nullable = true) String createdBy, long version,
		Instant createdAt, Instant updatedAt) {

}
