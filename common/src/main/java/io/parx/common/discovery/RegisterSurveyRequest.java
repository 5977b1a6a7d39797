package io.parx.common.discovery;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.parx.common.config.channel.RegisterType;

/**
 * Body of {@code POST /api/v1/collector/discovery/modbus/registers}: the device as a
 * Modbus channel names it and the range to read.
 *
 * @param host the device's host name or IP address
 * @param port TCP port, 502 when absent
 * @param unitId unit identifier 0-255, 1 when absent
 * @param registerType the table to read
 * @param address 0-based address of the first register or bit
 * @param count registers or bits to read, 1-2,000; split into blocks of at most 125
 * registers (2,000 bits)
 * @param timeoutMs response timeout of each block, 1-10,000 ms,
 * {@code parx.collector.modbus.timeout} when absent
 * @param maxRegistersPerRequest a lower block size for devices that answer less than the
 * protocol allows
 */
public record RegisterSurveyRequest(
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 253,
				description = "host name or IP address") String host,
		@Min(1) @Max(65535) Integer port, @Min(0) @Max(255) Integer unitId, @NotNull RegisterType registerType,
		@NotNull @Min(0) @Max(65535) Integer address, @NotNull @Min(1) @Max(MAX_COUNT) Integer count,
		@Min(1) @Max(MAX_TIMEOUT_MS) Integer timeoutMs, @Min(1) @Max(2000) Integer maxRegistersPerRequest) {

	/** Most registers or bits one discovery reads. */
	public static final int MAX_COUNT = 2000;

	/** Longest response timeout of one block. */
	public static final int MAX_TIMEOUT_MS = 10_000;

}
