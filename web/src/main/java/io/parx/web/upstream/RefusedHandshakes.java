package io.parx.web.upstream;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;

import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the browser why the data-router would not take its WebSocket. The gateway accepts
 * the browser's handshake before it connects to the router (Spring Cloud Gateway's
 * WebsocketRoutingFilter), so the router's refusal, {@code 401} for a bad or expired
 * token and {@code 403} without a ParX role (docs/API.md), cannot reach the browser as a
 * status. It becomes a close code of the same meaning instead, in the application range
 * and mirroring the status like the router's own codes (RFC 6455 §7.4.2): 4401 means "get
 * a fresh token, then reconnect", 4403 "this user may not". A router that cannot be
 * reached closes the socket with 1011, and the client reconnects with its backoff.
 */
final class RefusedHandshakes implements WebSocketService {

	static final int TOKEN_REJECTED = 4401;

	static final int FORBIDDEN = 4403;

	private final WebSocketService delegate;

	RefusedHandshakes(WebSocketService delegate) {
		this.delegate = delegate;
	}

	@Override
	public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
		return this.delegate.handleRequest(exchange, new ClosingOnRefusal(handler));
	}

	static CloseStatus closeStatus(Throwable error) {
		if (error instanceof WebSocketClientHandshakeException handshake && handshake.response() != null) {
			int status = handshake.response().status().code();
			return switch (status) {
				case 401 -> new CloseStatus(TOKEN_REJECTED, "token rejected");
				case 403 -> new CloseStatus(FORBIDDEN, "forbidden");
				default -> CloseStatus.SERVER_ERROR.withReason("data-router refused the connection (" + status + ")");
			};
		}
		if (error instanceof ConnectException || error instanceof UnknownHostException) {
			return CloseStatus.SERVER_ERROR.withReason("data-router cannot be reached");
		}
		return CloseStatus.SERVER_ERROR;
	}

	private record ClosingOnRefusal(WebSocketHandler delegate) implements WebSocketHandler {

		@Override
		public List<String> getSubProtocols() {
			return this.delegate.getSubProtocols();
		}

		@Override
		public Mono<Void> handle(WebSocketSession session) {
			return this.delegate.handle(session)
				.onErrorResume((error) -> session.isOpen() ? session.close(closeStatus(error)) : Mono.empty());
		}

	}

}
