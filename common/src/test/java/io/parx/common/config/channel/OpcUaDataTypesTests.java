package io.parx.common.config.channel;

import io.parx.common.config.DataType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channel data type for a server's type, as discovery shows it and "channels from a
 * selection" uses it: every built-in number, boolean and text type has one that holds it,
 * the others none (the engineer chooses).
 */
class OpcUaDataTypesTests {

	@Test
	void everyScalarBuiltInTypeMapsToAChannelTypeThatHoldsIt() {
		assertThat(OpcUaDataTypes.channelType("Boolean")).contains(DataType.BOOL);
		// SByte fits INT16, Byte fits UINT16: no 8-bit channel types
		assertThat(OpcUaDataTypes.channelType("SByte")).contains(DataType.INT16);
		assertThat(OpcUaDataTypes.channelType("Byte")).contains(DataType.UINT16);
		assertThat(OpcUaDataTypes.channelType("Int16")).contains(DataType.INT16);
		assertThat(OpcUaDataTypes.channelType("UInt16")).contains(DataType.UINT16);
		assertThat(OpcUaDataTypes.channelType("Int32")).contains(DataType.INT32);
		assertThat(OpcUaDataTypes.channelType("UInt32")).contains(DataType.UINT32);
		assertThat(OpcUaDataTypes.channelType("Int64")).contains(DataType.INT64);
		assertThat(OpcUaDataTypes.channelType("UInt64")).contains(DataType.INT64);
		assertThat(OpcUaDataTypes.channelType("Float")).contains(DataType.FLOAT32);
		assertThat(OpcUaDataTypes.channelType("Double")).contains(DataType.FLOAT64);
		assertThat(OpcUaDataTypes.channelType("Duration")).contains(DataType.FLOAT64);
		assertThat(OpcUaDataTypes.channelType("String")).contains(DataType.STRING);
		assertThat(OpcUaDataTypes.channelType("LocalizedText")).contains(DataType.STRING);
	}

	@Test
	void typesWithoutALosslessChannelTypeHaveNone() {
		assertThat(OpcUaDataTypes.channelType("DateTime")).isEmpty();
		assertThat(OpcUaDataTypes.channelType("ByteString")).isEmpty();
		assertThat(OpcUaDataTypes.channelType("ns=3;i=3002")).isEmpty();
		assertThat(OpcUaDataTypes.channelType("double")).isEmpty();
		assertThat(OpcUaDataTypes.channelType(null)).isEmpty();
	}

}
