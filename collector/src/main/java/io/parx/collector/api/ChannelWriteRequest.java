package io.parx.collector.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.parx.common.config.DataType;
import io.parx.common.config.channel.Protocol;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST /api/v1/collector/write}: the channel in the admin-api's JSON form
 * (as for the channel test), the value in engineering units and an optional timeout. For
 * a caller who is only an OPERATOR the collector takes nothing but the channel's
 * {@code id} from the form and writes the channel as it runs it.
 *
 * @param channel the channel to write
 * @param value a JSON number, boolean or string, as the channel's data type needs
 * @param timeoutMs how long the reads before and after and the write may take together,
 * 5000 when absent
 */
record ChannelWriteRequest(@Valid @NotNull ChannelForm channel,
		@Schema(description = "number, boolean or string, as the channel's data type needs", types = {
				"number", "boolean", "string" }) Object value,
		@Min(1) @Max(60_000) Integer timeoutMs){

	int timeoutOrDefault() {
		return (this.timeoutMs != null) ? this.timeoutMs : 5000;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ChannelForm(@NotNull @Min(1) Long id, @NotBlank String name, @NotNull DataType dataType, Double scale,
			Double offset, Boolean enabled, @NotNull Protocol protocol,
			@Schema(description = "The protocol's settings, secrets included",
					implementation = Map.class) JsonNode settings,
			List<String> tags) {

	}

}
