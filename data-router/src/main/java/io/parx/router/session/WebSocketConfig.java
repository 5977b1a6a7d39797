package io.parx.router.session;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.parx.router.RouterSettings;
import io.parx.router.channels.ChannelDirectory;
import io.parx.router.live.ActiveAlarms;
import io.parx.router.live.LatestValues;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/** Registers {@code /ws}. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfig implements WebSocketConfigurer {

	/** The subprotocol a client may offer next to {@code bearer.<token>}. */
	static final String PROTOCOL = "parx.v1";

	/** Characters of Tomcat's per-session text buffer. */
	static final int SESSION_BUFFER = 16 * 1024;

	private final LiveWebSocketHandler handler;

	private final JwtDecoder decoder;

	private final RouterSettings settings;

	WebSocketConfig(SessionRegistry registry, ChannelDirectory directory, LatestValues latest,
			ActiveAlarms activeAlarms, JwtDecoder decoder, RouterSettings settings,
			@Qualifier("routerSenders") ExecutorService senders,
			@Qualifier("routerScheduler") ScheduledExecutorService scheduler) {
		this.decoder = decoder;
		this.settings = settings;
		this.handler = new LiveWebSocketHandler(registry, directory, latest, activeAlarms, decoder, settings, senders,
				scheduler);
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(this.handler, "/ws")
			.addInterceptors(new TokenHandshakeInterceptor(this.decoder))
			.setHandshakeHandler(new ProtocolEchoingHandshakeHandler())
			.setAllowedOriginPatterns(this.settings.allowedOrigins().toArray(String[]::new));
	}

	/**
	 * Tomcat holds a text buffer of this size for every session, so it stays small;
	 * larger messages arrive in parts, which the handler puts together up to
	 * {@link RouterSettings#maxMessageSize()}.
	 */
	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize((int) Math.min(SESSION_BUFFER, this.settings.maxMessageSize().toBytes()));
		return container;
	}

	/**
	 * Echoes a subprotocol the client offered, as browsers require (RFC 6455 §4.1): our
	 * {@code parx.v1} when offered, else the {@code bearer.<token>} value itself.
	 */
	static final class ProtocolEchoingHandshakeHandler extends DefaultHandshakeHandler {

		@Override
		protected String selectProtocol(List<String> requested, WebSocketHandler handler) {
			if (requested.contains(PROTOCOL)) {
				return PROTOCOL;
			}
			for (String protocol : requested) {
				if (protocol.startsWith(TokenHandshakeInterceptor.BEARER_PROTOCOL_PREFIX)) {
					return protocol;
				}
			}
			return null;
		}

	}

}
