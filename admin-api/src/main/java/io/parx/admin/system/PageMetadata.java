package io.parx.admin.system;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The {@code page} member of every list answer ({@code PagedModel.PageMetadata} of Spring
 * Data), as the OpenAPI document describes it. Documentation only.
 */
@Schema(name = "PageMetadata", requiredProperties = { "size", "number", "totalElements", "totalPages" })
public record PageMetadata(@Schema(description = "The page size asked for") long size,
		@Schema(description = "This page's number, from 0") long number, long totalElements, long totalPages) {

}
