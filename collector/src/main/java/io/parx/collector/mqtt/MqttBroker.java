package io.parx.collector.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32;

import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuthBuilder;
import io.parx.collector.engine.ChannelConfig;
import io.parx.common.config.Installation;

/**
 * One broker connection: channels with equal broker URL, client id and credentials share
 * it. The client id is stable across restarts (derived from the broker URL when the
 * channel sets none) so the broker can resume the persistent session.
 *
 * @param url the broker URL as configured, {@code tcp://host:1883} or
 * {@code ssl://host:8883}
 * @param host the broker host
 * @param port the broker port
 * @param tls whether to connect with TLS
 * @param clientId the MQTT client identifier
 * @param username user name, or {@code null}
 * @param password password, or {@code null}
 */
record MqttBroker(String url, String host, int port, boolean tls, String clientId, String username, String password) {

	static MqttBroker of(ChannelConfig channel, MqttSettings settings, Installation installation) {
		io.parx.common.config.channel.MqttSettings contract = io.parx.common.config.channel.MqttSettings
			.fromJson(channel.settingsMap(), channel.dataType());
		String url = contract.brokerUrl().toString();
		String clientId = contract.clientId();
		if (clientId == null) {
			clientId = defaultClientId(settings.clientIdPrefix(), installation.id(), channel.collector(), url,
					contract.username());
		}
		return new MqttBroker(url, contract.brokerUrl().getHost(), contract.brokerPort(), contract.tls(), clientId,
				contract.username(), contract.password());
	}

	/**
	 * A client id that is the same on every start of this collector for this broker and
	 * user, and differs between installations and between collectors of one (issue 21:
	 * two installations on one broker must not take each other's sessions over), at most
	 * 23 characters where the prefix allows (MQTT 3.1.1 §3.1.3.1 minimum).
	 */
	static String defaultClientId(String prefix, String installation, String collector, String url, String username) {
		CRC32 crc = new CRC32();
		crc.update(installation.getBytes(StandardCharsets.UTF_8));
		crc.update(0);
		crc.update(((collector != null) ? collector : "default").getBytes(StandardCharsets.UTF_8));
		crc.update(0);
		crc.update(url.trim().getBytes(StandardCharsets.UTF_8));
		crc.update(0);
		crc.update(((username != null) ? username : "").getBytes(StandardCharsets.UTF_8));
		return prefix + "-" + HexFormat.of().toHexDigits((int) crc.getValue());
	}

	/** The credentials for CONNECT, or {@code null} when the broker is used without. */
	Mqtt5SimpleAuth simpleAuth() {
		if (this.username == null && this.password == null) {
			return null;
		}
		Mqtt5SimpleAuthBuilder.Complete auth = (this.username != null)
				? Mqtt5SimpleAuth.builder().username(this.username)
				: Mqtt5SimpleAuth.builder().password(this.password.getBytes(StandardCharsets.UTF_8));
		if (this.username != null && this.password != null) {
			auth = auth.password(this.password.getBytes(StandardCharsets.UTF_8));
		}
		return auth.build();
	}

	/** The key shown in the status API; never contains the password. */
	String key() {
		return this.url + "#" + this.clientId;
	}

	@Override
	public String toString() {
		return "MqttBroker[" + key() + ((this.username != null) ? ", user=" + this.username : "") + "]";
	}

}
