package io.parx.admin.channels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the collector's {@code POST /api/v1/collector/test} and {@code /write}
 * (a different service), shared by the module's one Spring context: each test sets the
 * answer it needs and reads the last request it caused.
 */
public final class CollectorStub {

	private static final CollectorStub SHARED = new CollectorStub();

	private final HttpServer server;

	private final AtomicReference<Answer> answer = new AtomicReference<>(new Answer(200, "{}"));

	private final AtomicReference<Request> lastRequest = new AtomicReference<>();

	private CollectorStub() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/api/v1/collector/", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.lastRequest.set(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Authorization"), body,
					exchange.getRequestHeaders().getFirst("X-Correlation-Id")));
			Answer current = this.answer.get();
			byte[] bytes = current.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(current.status(), bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		this.server.start();
	}

	public static CollectorStub shared() {
		return SHARED;
	}

	/** Another stand-in, e.g. for a second instance of a collector group; close it. */
	public static CollectorStub start() {
		return new CollectorStub();
	}

	public void close() {
		this.server.stop(0);
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Forgets the last request, so a test can tell that it caused none. */
	public void reset() {
		this.lastRequest.set(null);
	}

	public void answer(int status, String json) {
		this.answer.set(new Answer(status, json));
	}

	public Request lastRequest() {
		return this.lastRequest.get();
	}

	record Answer(int status, String body) {
	}

	public record Request(String method, String path, String authorization, String body, String correlationId) {
	}

}
