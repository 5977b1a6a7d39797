package io.parx.collector.opcua;

import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.junit.jupiter.api.Test;

import io.parx.common.config.channel.OpcUaSettings.Authentication;

import static io.parx.collector.opcua.OpcUaChannelFixture.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OpcUaSettingsParsingTests {

	@Test
	void endpointDefaultsToNoSecurityAndAnonymous() {
		OpcUaEndpoint endpoint = OpcUaEndpoint.of(channel(1).build());
		assertThat(endpoint.policy()).isEqualTo(SecurityPolicy.None);
		assertThat(endpoint.mode()).isEqualTo(MessageSecurityMode.None);
		assertThat(endpoint.authentication()).isEqualTo(Authentication.ANONYMOUS);
	}

	@Test
	void securedPolicyDefaultsToSignAndEncrypt() {
		OpcUaEndpoint endpoint = OpcUaEndpoint.of(channel(1).setting("securityPolicy", "Aes256_Sha256_RsaPss").build());
		assertThat(endpoint.mode()).isEqualTo(MessageSecurityMode.SignAndEncrypt);
	}

	@Test
	void channelsWithTheSameEndpointAndIdentityShareAConnection() {
		OpcUaEndpoint a = OpcUaEndpoint.of(channel(1).node("ns=2;s=A").build());
		OpcUaEndpoint b = OpcUaEndpoint.of(channel(2).node("ns=2;s=B").build());
		OpcUaEndpoint other = OpcUaEndpoint.of(channel(3).user("bob", "pw").build());
		assertThat(a).isEqualTo(b);
		assertThat(a).isNotEqualTo(other);
	}

	@Test
	void statusKeyNeverShowsThePassword() {
		OpcUaEndpoint endpoint = OpcUaEndpoint.of(channel(1).user("bob", "s3cret").build());
		assertThat(endpoint.key()).contains("bob").doesNotContain("s3cret");
		assertThat(endpoint.toString()).doesNotContain("s3cret");
	}

	@Test
	void invalidSettingsAreRejectedWithTheFieldName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OpcUaEndpoint.of(channel(1).setting("securityPolicy", "Basic128Rsa15").build()))
			.withMessageStartingWith("securityPolicy must be");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OpcUaEndpoint.of(channel(1).setting("securityMode", "Encrypt").build()))
			.withMessageStartingWith("securityMode must be");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OpcUaEndpoint.of(channel(1).setting("authentication", "CERTIFICATE").build()))
			.withMessageStartingWith("authentication must be");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OpcUaEndpoint.of(channel(1).setting("authentication", "USERNAME").build()))
			.withMessageStartingWith("username is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OpcUaChannel.of(channel(1).setting("deadband", -1).build()))
			.withMessageStartingWith("deadband");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OpcUaChannel.of(channel(1).setting("samplingIntervalMs", "fast").build()))
			.withMessageStartingWith("samplingIntervalMs must be a whole number");
	}

	@Test
	void samplingIntervalDefaultsToThePollInterval() {
		OpcUaChannel channel = OpcUaChannel.of(channel(1).without("samplingIntervalMs").build());
		assertThat(channel.samplingInterval()).isEqualTo(1000);
		assertThat(channel.deadband()).isZero();
	}

}
