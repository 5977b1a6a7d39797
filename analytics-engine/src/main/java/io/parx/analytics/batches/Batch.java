package io.parx.analytics.batches;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A production batch (coil) recorded by the storage engine (time-series table
 * {@code batch}); open while {@code end} is null.
 */
@Schema(requiredProperties = { "id", "definitionId", "name", "start", "end" })
public record Batch(long id,
		@Schema(description = "The batch definition (admin-api) that recorded it") long definitionId,
		@Schema(nullable = true) String name, Instant start,
		@Schema(description = "null while the batch is open", nullable = true) Instant end) {

}
