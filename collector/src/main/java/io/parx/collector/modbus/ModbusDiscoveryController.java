package io.parx.collector.modbus;

import io.parx.common.discovery.RegisterSurveyRequest;
import io.parx.common.discovery.RegisterSurveyResult;

import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.parx.collector.discovery.SurveyRunner;

/**
 * Modbus discovery (issue #20): a range of registers or bits of a device, each register
 * position decoded in every data type and byte layout, so the engineer recognises which
 * settings read the value they know. Runs on its own {@link SurveyRunner} with a
 * connection of its own; the device's polling connection is not touched.
 */
@RestController
@Tag(name = "Discovery")
@RequestMapping("/api/v1/collector/discovery")
class ModbusDiscoveryController implements AutoCloseable {

	private final ModbusSettings settings;

	private final SurveyRunner registers = new SurveyRunner("modbus-registers", 2);

	ModbusDiscoveryController(ModbusSettings settings) {
		this.settings = settings;
	}

	@Operation(operationId = "discoverModbusRegisters",
			summary = "Read a range of registers or bits of a Modbus device in blocks and decode every register "
					+ "position in every data type and byte order; exceptions and timeouts per block (ENGINEER, ADMIN)")
	@ApiResponse(responseCode = "200")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "503", ref = "DiscoveryBusy")
	@ApiResponse(responseCode = "502", ref = "DiscoveryFailed")
	@ApiResponse(responseCode = "504", ref = "DeviceTimeout")
	@PostMapping("/modbus/registers")
	RegisterSurveyResult registers(@Valid @RequestBody RegisterSurveyRequest request) {
		RegisterSurvey survey = RegisterSurvey.of(request, this.settings.timeout());
		return this.registers.run(RegisterSurvey.TIME_LIMIT.plus(Duration.ofSeconds(2)), survey::run);
	}

	@Override
	public void close() {
		this.registers.close();
	}

}
