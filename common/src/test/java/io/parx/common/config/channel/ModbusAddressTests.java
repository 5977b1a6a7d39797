package io.parx.common.config.channel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ModbusAddressTests {

	@Test
	void isZeroBasedWithTheModiconReferenceOneHigher() {
		// Modbus Application Protocol §4.4: the PDU addresses registers from 0
		assertThat(new ModbusAddress(RegisterType.HOLDING_REGISTER, 0, 1).reference()).isEqualTo("400001");
		assertThat(new ModbusAddress(RegisterType.INPUT_REGISTER, 99, 2).reference()).isEqualTo("300100");
	}

	@Test
	void acceptsTheLastAddressOfTheSixteenBitSpace() {
		assertThat(new ModbusAddress(RegisterType.COIL, 65535, 1).address()).isEqualTo(65535);
	}

	@Test
	void rejectsAddressesOutsideTheSixteenBitSpace() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ModbusAddress(RegisterType.COIL, -1, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new ModbusAddress(RegisterType.COIL, 65536, 1));
	}

	@Test
	void rejectsAMultiRegisterValueThatRunsPastTheLastAddress() {
		// a FLOAT64 at 65533 would need registers 65533..65536
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ModbusAddress(RegisterType.HOLDING_REGISTER, 65533, 4))
			.withMessageContaining("spans 4 registers");
	}

}
