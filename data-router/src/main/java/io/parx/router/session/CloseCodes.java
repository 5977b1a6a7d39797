package io.parx.router.session;

import org.springframework.web.socket.CloseStatus;

/**
 * Close codes the router uses. Application codes live in 4000-4999 (RFC 6455 §7.4.2);
 * ours mirror the HTTP status of the same meaning so they are easy to remember.
 */
final class CloseCodes {

	/**
	 * The token expired and no fresh one came within the grace period: reconnect with a
	 * new token.
	 */
	static final CloseStatus TOKEN_EXPIRED = new CloseStatus(4401, "token expired");

	/** The client did not read its updates for too long: reconnect and read faster. */
	static final CloseStatus SLOW_CONSUMER = new CloseStatus(4408, "slow consumer");

	/**
	 * The router is shutting down (RFC 6455 1001): reconnect, possibly to another
	 * instance.
	 */
	static final CloseStatus GOING_AWAY = CloseStatus.GOING_AWAY.withReason("router restarting");

	private CloseCodes() {
	}

}
