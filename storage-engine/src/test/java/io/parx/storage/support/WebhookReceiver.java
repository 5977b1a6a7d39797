package io.parx.storage.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for a pager or chat webhook: records every request per
 * path and answers 204, or a failure status for the first calls of a path when asked to.
 */
public final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, List<Received>> received = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

	private final Map<String, Integer> failureStatus = new ConcurrentHashMap<>();

	public WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				String path = exchange.getRequestURI().getPath();
				Map<String, String> headers = new ConcurrentHashMap<>();
				exchange.getRequestHeaders()
					.forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
				AtomicInteger left = this.failuresLeft.get(path);
				boolean fail = left != null && left.getAndDecrement() > 0;
				int status = fail ? this.failureStatus.get(path) : 204;
				this.received.computeIfAbsent(path, (p) -> new CopyOnWriteArrayList<>())
					.add(new Received(Instant.now(), exchange.getRequestMethod(), headers,
							new String(body.readAllBytes(), StandardCharsets.UTF_8), status));
				exchange.sendResponseHeaders(status, -1);
			}
			finally {
				exchange.close();
			}
		});
		this.server.start();
	}

	/** The URL of a path on this server. */
	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/** The next {@code count} requests to the path are answered with {@code status}. */
	public void failFirst(String path, int count, int status) {
		this.failureStatus.put(path, status);
		this.failuresLeft.put(path, new AtomicInteger(count));
	}

	public List<Received> received(String path) {
		return List.copyOf(this.received.getOrDefault(path, List.of()));
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** One request, as it arrived, and what it was answered. */
	public record Received(Instant at, String method, Map<String, String> headers, String body, int answered) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase(java.util.Locale.ROOT));
		}

	}

}
