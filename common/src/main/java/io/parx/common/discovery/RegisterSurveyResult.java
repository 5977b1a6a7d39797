package io.parx.common.discovery;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import io.parx.common.config.DataType;
import io.parx.common.config.channel.ByteOrder;
import io.parx.common.config.channel.RegisterType;

/**
 * Answer of {@code POST /api/v1/collector/discovery/modbus/registers}.
 *
 * @param device the device read, {@code modbus://host:port/unit}
 * @param registerType the table read
 * @param address 0-based address of the first register or bit
 * @param count registers or bits asked for
 * @param blocks the reads the range was split into, each with its own outcome
 * @param registers for register tables: every position read, with its readings
 * @param bits for coils and discrete inputs: every bit read
 */
@Schema(requiredProperties = { "device", "registerType", "address", "count", "blocks", "registers", "bits" })
public record RegisterSurveyResult(String device, RegisterType registerType, int address, int count, List<Block> blocks,
		List<Register> registers, List<Bit> bits) {

	/**
	 * One read of at most 125 registers or 2,000 bits (Modbus Application Protocol
	 * §6.1-6.4).
	 *
	 * @param address its first address, 0-based
	 * @param count registers or bits it asked for
	 * @param exceptionCode the device's exception code (§7: 02 illegal data address,
	 * ...), or {@code null}
	 * @param error why the block was not read, or {@code null} when it was
	 * @param latencyMs how long the read took
	 */
	@Schema(name = "ModbusBlock", requiredProperties = { "address", "count", "exceptionCode", "error", "latencyMs" })
	public record Block(int address, int count, @Schema(nullable = true) Integer exceptionCode,
			@Schema(nullable = true) String error, long latencyMs) {

	}

	/**
	 * One register position: the word and every reading of a value starting here.
	 *
	 * @param address 0-based address (a channel's {@code address})
	 * @param reference the 1-based six-digit Modicon reference, e.g. 400001
	 * @param word the register, 16-bit unsigned
	 * @param hex the register as four hex digits
	 * @param text the register's two bytes as characters ({@code .} where not printable
	 * ASCII), as a STRING channel would read them
	 * @param values by data type, then by {@code byteOrder}: the value a channel with
	 * those settings would read (one-register types: ABCD and BADC only); a type is left
	 * out when its registers run past the range or into a block not read, a float that is
	 * NaN or infinite is {@code null}
	 */
	@Schema(name = "ModbusRegister", requiredProperties = { "address", "reference", "word", "hex", "text", "values" })
	public record Register(int address, String reference, int word, String hex, String text,
			@Schema(description = "By data type, then by byteOrder",
					additionalPropertiesSchema = Readings.class) Map<DataType, Map<ByteOrder, Number>> values) {

	}

	/**
	 * The readings of one data type by byte order, for the OpenAPI document only: a float
	 * that is NaN or infinite is {@code null}.
	 */
	@Schema(name = "ModbusReadings", type = "object", additionalPropertiesSchema = Reading.class)
	interface Readings {

	}

	/** One reading, for the OpenAPI document only. */
	@Schema(name = "ModbusReading", types = { "number", "null" })
	interface Reading {

	}

	/**
	 * One coil or discrete input.
	 *
	 * @param address 0-based address
	 * @param reference the 1-based six-digit Modicon reference, e.g. 000001
	 * @param value its state
	 */
	@Schema(name = "ModbusBit", requiredProperties = { "address", "reference", "value" })
	public record Bit(int address, String reference, boolean value) {

	}

}
