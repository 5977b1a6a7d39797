package io.parx.collector.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.parx.common.config.DataType;
import io.parx.common.config.channel.Protocol;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST /api/v1/collector/test}: a channel in the admin-api's JSON form
 * (fields the collector does not need are ignored) and an optional timeout.
 *
 * @param channel the channel to read
 * @param timeoutMs how long the read may take, 5000 when absent
 */
record ChannelTestRequest(@Valid @NotNull ChannelForm channel, @Min(1) @Max(60_000) Integer timeoutMs) {

	int timeoutOrDefault() {
		return (this.timeoutMs != null) ? this.timeoutMs : 5000;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ChannelForm(@Min(0) Long id, @NotBlank String name, @NotNull DataType dataType, Double scale, Double offset,
			@Min(1) Integer pollIntervalMs, List<String> tags, @NotNull Protocol protocol,
			@Schema(description = "The protocol's settings, secrets included",
					implementation = Map.class) JsonNode settings) {

	}

}
