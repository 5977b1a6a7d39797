package io.parx.router.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.parx.common.sample.Sample;
import io.parx.common.web.InvalidInputException;
import io.parx.common.web.TextRules;
import io.parx.router.RouterSettings;
import io.parx.router.channels.ChannelDirectory;
import io.parx.router.channels.ChannelDirectory.Channel;
import io.parx.router.channels.ChannelStatus;
import io.parx.router.live.ActiveAlarms;
import io.parx.router.live.LatestValues;
import io.parx.router.session.ServerMessages.ErrorCode;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The {@code /ws} endpoint: turns client messages into subscriptions and replies. The
 * protocol is documented in docs/API.md, "Live data WebSocket (data-router)".
 */
final class LiveWebSocketHandler extends TextWebSocketHandler {

	private static final Logger logger = LoggerFactory.getLogger(LiveWebSocketHandler.class);

	private static final String SESSION = "parx.routerSession";

	/** The parts of a client message received so far. */
	private static final String PENDING = "parx.pendingMessage";

	/** Tomcat's per-session limit on one blocking send (Tomcat WebSocket how-to). */
	private static final String TOMCAT_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

	/** The longest request id a client may send; answers echo it. */
	static final int MAX_REQUEST_ID_LENGTH = 100;

	private final SessionRegistry registry;

	private final ChannelDirectory directory;

	private final LatestValues latest;

	private final ActiveAlarms activeAlarms;

	private final JwtDecoder decoder;

	private final RouterSettings settings;

	private final ExecutorService senders;

	private final ScheduledExecutorService scheduler;

	private final JsonMapper json = JsonMapper.builder().build();

	LiveWebSocketHandler(SessionRegistry registry, ChannelDirectory directory, LatestValues latest,
			ActiveAlarms activeAlarms, JwtDecoder decoder, RouterSettings settings, ExecutorService senders,
			ScheduledExecutorService scheduler) {
		this.registry = registry;
		this.directory = directory;
		this.latest = latest;
		this.activeAlarms = activeAlarms;
		this.decoder = decoder;
		this.settings = settings;
		this.senders = senders;
		this.scheduler = scheduler;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession socket) {
		if (socket instanceof NativeWebSocketSession nativeSession) {
			Session tomcat = nativeSession.getNativeSession(Session.class);
			if (tomcat != null) {
				// A backstop: the watchdog normally closes a stuck session first.
				tomcat.getUserProperties()
					.put(TOMCAT_SEND_TIMEOUT, this.settings.stuckTimeout().plusSeconds(2).toMillis());
			}
		}
		String user = (String) socket.getAttributes().get(TokenHandshakeInterceptor.USER);
		Instant expiresAt = TokenHandshakeInterceptor.expiresAt(socket.getAttributes());
		RouterSession session = new RouterSession(socket, user, expiresAt, this.settings, this.registry.metrics(),
				this.senders, this.scheduler);
		socket.getAttributes().put(SESSION, session);
		this.registry.add(session);
		session.sendControl(ServerMessages.welcome(user, expiresAt));
	}

	/**
	 * Messages larger than Tomcat's per-session buffer arrive in parts and are put
	 * together here up to {@link RouterSettings#maxMessageSize()}, so that a subscribe of
	 * 10,000 ids fits without every session holding a buffer that large.
	 */
	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	@Override
	protected void handleTextMessage(WebSocketSession socket, TextMessage text) {
		RouterSession session = (RouterSession) socket.getAttributes().get(SESSION);
		String payload = assemble(socket, text);
		if (payload == null) {
			return;
		}
		ClientMessage message;
		try {
			message = this.json.readValue(payload, ClientMessage.class);
		}
		catch (JacksonException ex) {
			session.sendControl(ServerMessages.error(null, ErrorCode.BAD_MESSAGE, MessageErrors.describe(ex), null));
			return;
		}
		if (message == null) {
			session.sendControl(ServerMessages.error(null, ErrorCode.BAD_MESSAGE, "empty message", null));
			return;
		}
		try {
			// a NUL in a tag used to reach PostgreSQL and come back as UNAVAILABLE
			TextRules.requireAcceptable(message);
		}
		catch (InvalidInputException ex) {
			session.sendControl(ServerMessages.error(null, ErrorCode.BAD_MESSAGE, ex.getBody().getDetail(), null));
			return;
		}
		if (message.id() != null && message.id().length() > MAX_REQUEST_ID_LENGTH) {
			// every answer echoes the id: it must not grow with what the client sends
			session.sendControl(ServerMessages.error(null, ErrorCode.BAD_MESSAGE,
					"id must be at most " + MAX_REQUEST_ID_LENGTH + " characters", null));
			return;
		}
		try {
			switch (Objects.requireNonNullElse(message.type(), "")) {
				case "subscribe" -> subscribe(session, message);
				case "unsubscribe" -> unsubscribe(session, message);
				case "subscribe-alarms" -> subscribeAlarms(session, message);
				case "unsubscribe-alarms" -> unsubscribeAlarms(session, message);
				case "ping" -> session.sendControl(ServerMessages.pong(message.id()));
				case "auth" -> authenticate(session, message);
				default -> session.sendControl(ServerMessages.error(message.id(), ErrorCode.BAD_MESSAGE,
						"unknown message type '" + TextRules.prefix(message.type()) + "'", null));
			}
		}
		catch (DataAccessException ex) {
			logger.warn("Config database unavailable: {}", ex.getMessage());
			session.sendControl(ServerMessages.error(message.id(), ErrorCode.UNAVAILABLE,
					"the channel directory is unavailable, retry later", null));
		}
		catch (RuntimeException ex) {
			// A bug must not cost the client its session.
			logger.error("Cannot handle a {} message", message.type(), ex);
			session.sendControl(ServerMessages.error(message.id(), ErrorCode.INTERNAL_ERROR,
					"the router failed, see its log", null));
		}
	}

	/**
	 * The whole message once its last part arrived, else {@code null}; closes the session
	 * with 1009 (RFC 6455 §7.4.1) when it grows beyond the limit.
	 */
	private String assemble(WebSocketSession socket, TextMessage part) {
		StringBuilder pending = (StringBuilder) socket.getAttributes().get(PENDING);
		if (pending == null && part.isLast()) {
			return part.getPayload();
		}
		if (pending == null) {
			pending = new StringBuilder(part.getPayloadLength() * 2);
			socket.getAttributes().put(PENDING, pending);
		}
		if (pending.length() + part.getPayloadLength() > this.settings.maxMessageSize().toBytes()) {
			socket.getAttributes().remove(PENDING);
			RouterSession session = (RouterSession) socket.getAttributes().get(SESSION);
			session.close(CloseStatus.TOO_BIG_TO_PROCESS.withReason("message too big"), "message-too-big");
			return null;
		}
		pending.append(part.getPayload());
		if (!part.isLast()) {
			return null;
		}
		socket.getAttributes().remove(PENDING);
		return pending.toString();
	}

	private void subscribe(RouterSession session, ClientMessage message) {
		List<Long> ids = message.channelIdsOrEmpty();
		List<String> tags = message.tagsOrEmpty();
		if ((ids.isEmpty() && tags.isEmpty()) || hasNull(ids) || hasNull(tags)) {
			session.sendControl(ServerMessages.error(message.id(), ErrorCode.BAD_MESSAGE,
					"subscribe needs channelIds or tags", null));
			return;
		}
		double maxRate = (message.maxRate() != null) ? message.maxRate() : 0;
		if (message.maxRate() != null && !(maxRate > 0 && maxRate <= this.settings.maxRate())) {
			session.sendControl(ServerMessages.error(message.id(), ErrorCode.BAD_RATE,
					"maxRate must be above 0 and at most " + this.settings.maxRate() + " per second",
					List.of(message.maxRate())));
			return;
		}
		Set<Long> targets = new LinkedHashSet<>(resolve(session, message, ids, tags));
		if (targets.isEmpty()) {
			return;
		}
		if (!session.canSubscribe(targets)) {
			session.sendControl(ServerMessages.error(message.id(), ErrorCode.TOO_MANY_SUBSCRIPTIONS,
					"a session may subscribe to at most " + this.settings.maxSubscriptions() + " channels", null));
			return;
		}
		List<Long> added = session.subscribe(targets, maxRate);
		this.registry.index(session, added);
		session.sendControl(ServerMessages.subscribed(message.id(), targets, maxRate));
		String snapshot = null;
		try {
			List<Sample> samples = this.latest.read(List.copyOf(targets));
			snapshot = ServerMessages.snapshot(message.id(), samples);
		}
		catch (RuntimeException ex) {
			logger.warn("Cannot read latest values for a snapshot: {}", ex.getMessage());
			snapshot = ServerMessages.error(message.id(), ErrorCode.UNAVAILABLE,
					"latest values are unavailable; updates follow", null);
		}
		finally {
			session.snapshotReady(snapshot);
		}
		// One frame for all disabled channels of the request, however many: a frame each
		// once filled the control queue and closed the session as a slow consumer.
		List<Long> disabled = this.directory.find(targets)
			.values()
			.stream()
			.filter((channel) -> !channel.enabled())
			.map(Channel::id)
			.sorted()
			.toList();
		if (!disabled.isEmpty()) {
			session.sendControl(ServerMessages.status(disabled, ChannelStatus.DISABLED));
		}
	}

	/**
	 * The known channels among the ids plus the channels of the tags; errors for the
	 * rest.
	 */
	private List<Long> resolve(RouterSession session, ClientMessage message, List<Long> ids, List<String> tags) {
		List<Long> targets = new ArrayList<>();
		if (!ids.isEmpty()) {
			Map<Long, Channel> known = this.directory.find(ids);
			List<Long> unknown = ids.stream().filter((id) -> !known.containsKey(id)).distinct().toList();
			if (!unknown.isEmpty()) {
				session.sendControl(ServerMessages.error(message.id(), ErrorCode.UNKNOWN_CHANNEL,
						"no channel with these ids", unknown));
			}
			ids.stream().filter(known::containsKey).forEach(targets::add);
		}
		List<String> unknownTags = new ArrayList<>();
		for (String tag : tags) {
			List<Long> tagged = this.directory.withTag(tag);
			if (tagged.isEmpty()) {
				unknownTags.add(tag);
			}
			targets.addAll(tagged);
		}
		if (!unknownTags.isEmpty()) {
			session.sendControl(ServerMessages.error(message.id(), ErrorCode.UNKNOWN_TAG, "no channel has these tags",
					unknownTags));
		}
		return targets;
	}

	private void unsubscribe(RouterSession session, ClientMessage message) {
		List<Long> ids = new ArrayList<>(message.channelIdsOrEmpty());
		if ((ids.isEmpty() && message.tagsOrEmpty().isEmpty()) || hasNull(ids) || hasNull(message.tagsOrEmpty())) {
			session.sendControl(ServerMessages.error(message.id(), ErrorCode.BAD_MESSAGE,
					"unsubscribe needs channelIds or tags", null));
			return;
		}
		for (String tag : message.tagsOrEmpty()) {
			ids.addAll(this.directory.withTag(tag));
		}
		List<Long> removed = session.unsubscribe(ids);
		this.registry.unindex(session, removed);
		session.sendControl(ServerMessages.unsubscribed(message.id(), removed));
	}

	/**
	 * Subscribes the session to alarm transitions, then reads the active list: in this
	 * order, so that no transition falls between the snapshot and the first frame (one
	 * may come twice; the client replaces by definition id). Every role may, as every
	 * role reads the active alarms.
	 */
	private void subscribeAlarms(RouterSession session, ClientMessage message) {
		session.subscribeAlarms();
		this.registry.indexAlarms(session);
		String snapshot = null;
		try {
			snapshot = ServerMessages.alarms(message.id(), this.activeAlarms.read());
		}
		catch (RuntimeException ex) {
			logger.warn("Cannot read the active alarms for a snapshot: {}", ex.getMessage());
			snapshot = ServerMessages.error(message.id(), ErrorCode.UNAVAILABLE,
					"the active alarms are unavailable; transitions follow", null);
		}
		finally {
			session.alarmSnapshotReady(snapshot);
		}
	}

	private void unsubscribeAlarms(RouterSession session, ClientMessage message) {
		this.registry.unindexAlarms(session);
		session.unsubscribeAlarms();
		session.sendControl(ServerMessages.alarmsUnsubscribed(message.id()));
	}

	private void authenticate(RouterSession session, ClientMessage message) {
		if (message.token() == null || message.token().isBlank()) {
			session.sendControl(ServerMessages.error(message.id(), ErrorCode.BAD_MESSAGE, "auth needs a token", null));
			return;
		}
		Jwt jwt;
		try {
			jwt = this.decoder.decode(message.token());
		}
		catch (JwtException ex) {
			session.sendControl(
					ServerMessages.error(message.id(), ErrorCode.AUTH_FAILED, "the token is invalid or expired", null));
			return;
		}
		if (!Objects.equals(jwt.getSubject(), session.user()) || !TokenHandshakeInterceptor.hasRole(jwt)
				|| jwt.getExpiresAt() == null) {
			session.sendControl(ServerMessages.error(message.id(), ErrorCode.AUTH_FAILED,
					"the token must be for the same user and carry a role", null));
			return;
		}
		session.tokenRefreshed(jwt.getExpiresAt());
		session.sendControl(ServerMessages.authenticated(message.id(), jwt.getExpiresAt()));
	}

	private static boolean hasNull(List<?> values) {
		return values.stream().anyMatch(Objects::isNull);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
		RouterSession session = (RouterSession) socket.getAttributes().get(SESSION);
		if (session != null) {
			session.closedByClient();
			this.registry.remove(session);
		}
	}

	@Override
	public void handleTransportError(WebSocketSession socket, Throwable exception) {
		logger.debug("Transport error on session {}: {}", socket.getId(), exception.toString());
	}

}
