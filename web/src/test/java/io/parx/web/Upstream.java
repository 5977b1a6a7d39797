package io.parx.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for one ParX service behind the gateway: a real HTTP server on a fixed local
 * port that answers every request with what it received (method, path and query, headers,
 * body) as JSON, so a test sees exactly what the gateway passed on. It can be stopped and
 * started again on the same port, to be a service that is down.
 *
 * <p>
 * Special paths: {@code /actuator/health/readiness} answers UP (and counts the checks), a
 * path ending in {@code /hang} never answers, one ending in {@code /large} answers 64 KB
 * of JSON, and {@code /ws} is a WebSocket that behaves like the data-router's handshake:
 * it refuses a {@code bearer.rejected} token with 401, selects {@code parx.v1}, greets
 * with the subprotocols it was offered and echoes every message.
 */
public final class Upstream {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String name;

	private final int port;

	private final AtomicInteger readinessChecks = new AtomicInteger();

	private final List<Channel> connections = new CopyOnWriteArrayList<>();

	private volatile DisposableServer server;

	private Upstream(String name, int port) {
		this.name = name;
		this.port = port;
	}

	/** A service that answers. */
	public static Upstream started(String name) {
		Upstream upstream = new Upstream(name, freePort());
		upstream.start();
		return upstream;
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	public int readinessChecks() {
		return this.readinessChecks.get();
	}

	public synchronized void start() {
		if (this.server == null) {
			this.server = HttpServer.create()
				.host("127.0.0.1")
				.port(this.port)
				.doOnConnection((connection) -> this.connections.add(connection.channel()))
				.handle(this::answer)
				.bindNow();
		}
	}

	/** Stops listening and cuts open connections, as a crashed service would. */
	public synchronized void stop() {
		if (this.server != null) {
			this.server.disposeNow();
			this.connections.forEach(Channel::close);
			this.connections.clear();
			this.server = null;
		}
	}

	private Publisher<Void> answer(HttpServerRequest request, HttpServerResponse response) {
		String path = request.fullPath();
		if (path.equals("/actuator/health/readiness")) {
			this.readinessChecks.incrementAndGet();
			return json(response, "{\"status\":\"UP\"}");
		}
		if (path.endsWith("/hang")) {
			return Mono.never();
		}
		if (path.endsWith("/large")) {
			return json(response, "[" + "\"a value that compresses well\",".repeat(2048) + "0]");
		}
		if (path.equals("/ws") && "websocket".equalsIgnoreCase(request.requestHeaders().get("Upgrade"))) {
			return webSocket(request, response);
		}
		return echo(request, response);
	}

	private Mono<Void> echo(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((body) -> {
			Map<String, Object> echo = new LinkedHashMap<>();
			echo.put("service", this.name);
			echo.put("method", request.method().name());
			echo.put("uri", request.uri());
			echo.put("body", body);
			Map<String, String> headers = new LinkedHashMap<>();
			request.requestHeaders()
				.names()
				.forEach((header) -> headers.put(header.toLowerCase(),
						String.join(", ", request.requestHeaders().getAll(header))));
			echo.put("headers", headers);
			// Headers a Spring Security service sends; the gateway must not pass them on
			// twice.
			response.header("X-Frame-Options", "SAMEORIGIN").header("X-Content-Type-Options", "nosniff");
			// and the correlation id it was given, as every ParX service echoes it
			String correlationId = request.requestHeaders().get("X-Correlation-Id");
			if (correlationId != null) {
				response.header("X-Correlation-Id", correlationId);
			}
			return json(response, JSON.writeValueAsString(echo)).then();
		});
	}

	private Publisher<Void> webSocket(HttpServerRequest request, HttpServerResponse response) {
		String offered = String.join(", ", request.requestHeaders().getAll("Sec-WebSocket-Protocol"));
		if (offered.contains("bearer.rejected")) {
			return response.status(HttpResponseStatus.UNAUTHORIZED).send();
		}
		// Large enough for the 1 MB snapshot the gateway must carry in one frame.
		WebsocketServerSpec spec = WebsocketServerSpec.builder()
			.protocols("parx.v1")
			.maxFramePayloadLength(2 * 1024 * 1024)
			.build();
		return response.sendWebsocket((in, out) -> {
			String welcome = "{\"type\":\"welcome\",\"offered\":\"" + offered + "\",\"selected\":\""
					+ in.selectedSubprotocol() + "\"}";
			Flux<String> echoes = in.aggregateFrames().receive().asString().map((text) -> "echo:" + text);
			return out.sendString(Flux.concat(Mono.just(welcome), echoes));
		}, spec);
	}

	private static Mono<Void> json(HttpServerResponse response, String json) {
		return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json").sendString(Mono.just(json)).then();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String toString() {
		return this.name + " on " + url();
	}

}
