package io.parx.admin.channels;

import java.time.Instant;
import java.util.List;

import io.parx.admin.system.PageMetadata;
import io.parx.admin.system.SettingsSchemas;
import io.parx.common.config.DataType;
import io.parx.common.config.channel.Protocol;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The JSON of the channel endpoints as the OpenAPI document describes it, for the browser
 * app's generated types and Swagger UI. Documentation only: the endpoints read and write
 * maps checked field by field ({@link ChannelDraft},
 * {@link io.parx.common.config.channel.ChannelSettings}) so that every bad field is
 * named; {@code OpenApiSchemaTests} holds real answers against these schemas.
 */
final class ChannelSchemas {

	private ChannelSchemas() {
	}

	@Schema(name = "Channel", description = "A signal of the plant",
			requiredProperties = { "id", "name", "description", "unit", "dataType", "scale", "offset", "pollIntervalMs",
					"enabled", "collector", "tags", "protocol", "settings", "version", "createdAt", "updatedAt" })
	record ChannelView(long id, String name, String description, String unit, DataType dataType, double scale,
			double offset, int pollIntervalMs, boolean enabled,
			@Schema(description = "The collector instance that reads it; null: any", nullable = true) String collector,
			List<String> tags, Protocol protocol, @Schema(ref = SettingsSchemas.CHANNEL_SETTINGS) Object settings,
			@Schema(description = "Sent back as If-Match or version when changing it") long version, Instant createdAt,
			Instant updatedAt) {

	}

	@Schema(name = "ChannelRequest",
			description = "A channel to create or the whole of one to replace. id, createdAt and updatedAt are "
					+ "accepted and ignored, so a channel as read may be sent back; other unknown fields are rejected. "
					+ "An update without settings.password keeps the stored one, \"\" clears it.",
			requiredProperties = { "name", "dataType", "protocol", "settings" })
	record Request(
			@Schema(description = "Unique; letters, digits, space and _ . : / - without leading or trailing space",
					maxLength = 200) String name,
			@Schema(maxLength = 2000) String description, @Schema(maxLength = 50) String unit, DataType dataType,
			@Schema(description = "Not 0; numeric data types only; default 1") Double scale,
			@Schema(description = "Numeric data types only; default 0") Double offset,
			@Schema(description = "Default 1000", minimum = "10", maximum = "86400000") Integer pollIntervalMs,
			@Schema(description = "Default true") Boolean enabled,
			@Schema(description = "The collector instance that reads it; null: any", maxLength = 100,
					nullable = true) String collector,
			@ArraySchema(maxItems = 50, schema = @Schema(maxLength = 100)) List<String> tags, Protocol protocol,
			@Schema(ref = SettingsSchemas.CHANNEL_SETTINGS) Object settings,
			@Schema(description = "The version edited (when replacing; or If-Match)", minimum = "0") Long version) {

	}

	@Schema(name = "PagedChannels", requiredProperties = { "content", "page" })
	record Paged(List<ChannelView> content, PageMetadata page) {

	}

	@Schema(name = "ChannelWriteRequest",
			description = "The value to write, in engineering units (scale and offset " + "are undone for the device)",
			requiredProperties = { "value" })
	record WriteRequest(@Schema(
			description = "a number for numeric data types (within writeMin and writeMax), true "
					+ "or false for BOOL, a string for STRING",
			types = {
					"number", "boolean", "string" }) Object value){

	}

	@Schema(name = "ChannelWriteResult", description = "A write the device took, and the value read afterwards",
			requiredProperties = { "written", "readBack", "previous", "quality", "qualityName", "latencyMs" })
	record WriteResult(@Schema(description = "The value sent", types = {
			"number", "boolean", "string" }) Object written,
			@Schema(description = "The value read from the device after the write; null when the read failed and for "
					+ "MQTT, whose reads wait for the next message",
					types = { "number", "boolean", "string", "null" }) Object readBack,
			@Schema(description = "The value read just before the write (the audit's before value); null when "
					+ "unknown", types = { "number", "boolean", "string", "null" }) Object previous,
			@Schema(description = "The write's OPC UA StatusCode as an unsigned number: 0 Good") long quality,
			@Schema(description = "e.g. Good") String qualityName,
			@Schema(description = "How long the write itself took on the device") long latencyMs,
			@Schema(description = "Why the value could not be read back", nullable = true) String readBackError){

	}

	@Schema(name = "ChannelTestResult",
			description = "One live reading through the collector; a device failure has a bad quality and the "
					+ "reason in error",
			requiredProperties = { "value", "quality", "qualityName", "latencyMs", "error" })
	record TestResult(@Schema(description = "The value read, absent (null) when the reading failed", types = {
			"number", "boolean", "string", "null" }) Object value,
			@Schema(description = "OPC UA StatusCode as an unsigned number: 0 Good") long quality,
			@Schema(description = "e.g. Good, Bad_NotConnected") String qualityName,
			@Schema(description = "How long the reading took") long latencyMs,
			@Schema(description = "Why the reading failed, e.g. connection refused", nullable = true) String error){

	}

}
