package io.parx.collector.opcua;

import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.junit.jupiter.api.Test;

import io.parx.collector.channels.ApiSavedConfigs;
import io.parx.common.config.channel.OpcUaSettings.Authentication;
import io.parx.common.config.channel.Protocol;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An OPC UA channel saved through the admin-api with only its required settings is read
 * with the contract's defaults.
 */
class ApiSavedOpcUaChannelTests {

	@Test
	void theStoredDocumentIsReadWithTheContractsDefaults() {
		OpcUaChannel channel = OpcUaChannel.of(ApiSavedConfigs.stored(1, Protocol.OPCUA));
		assertThat(channel.nodeId()).isEqualTo(NodeId.parse("ns=2;s=Line1.Temp"));
		// no samplingIntervalMs: the monitored item samples at the channel's poll
		// interval
		assertThat(channel.samplingInterval()).isEqualTo(ApiSavedConfigs.POLL_INTERVAL.toMillis());
		assertThat(channel.deadband()).isZero();
	}

	@Test
	void theEndpointIsAnUnsecuredAnonymousSessionByDefault() {
		OpcUaEndpoint endpoint = OpcUaEndpoint.of(ApiSavedConfigs.stored(1, Protocol.OPCUA));
		assertThat(endpoint.url()).isEqualTo("opc.tcp://opc-1:4840/parx");
		assertThat(endpoint.policy()).isEqualTo(SecurityPolicy.None);
		assertThat(endpoint.mode()).isEqualTo(MessageSecurityMode.None);
		assertThat(endpoint.authentication()).isEqualTo(Authentication.ANONYMOUS);
	}

}
