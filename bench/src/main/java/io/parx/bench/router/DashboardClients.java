package io.parx.bench.router;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Dashboards as a load generator: light raw WebSocket clients ({@link BenchClient}) on a
 * few selector threads ({@link ClientLoop}), each subscribed to its own channels on a
 * data router, all counting into one {@link BenchClient.Counters}.
 */
public final class DashboardClients implements AutoCloseable {

	private final List<ClientLoop> loops;

	private final List<BenchClient> clients;

	private DashboardClients(List<ClientLoop> loops, List<BenchClient> clients) {
		this.loops = loops;
		this.clients = clients;
	}

	/**
	 * Connects one client per entry of {@code subscriptions}, in waves of 50, and waits
	 * until each has its snapshot (is subscribed).
	 * @param port the router's port on 127.0.0.1
	 * @param token an access token (sent as {@code bearer.} subprotocol, as browsers do)
	 * @param subscriptions the channel ids of each client
	 * @param threads selector threads serving the clients
	 * @param counters where the clients count
	 */
	public static DashboardClients connect(int port, String token, List<List<Long>> subscriptions, int threads,
			BenchClient.Counters counters) throws Exception {
		List<ClientLoop> loops = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			loops.add(new ClientLoop("bench-clients-" + i));
		}
		InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
		List<BenchClient> all = new ArrayList<>();
		long start = System.nanoTime();
		for (int from = 0; from < subscriptions.size(); from += 50) {
			List<CompletableFuture<Void>> wave = new ArrayList<>();
			for (int i = from; i < Math.min(subscriptions.size(), from + 50); i++) {
				BenchClient client = new BenchClient(subscriptions.get(i), counters);
				WebSocketHandshake.Upgraded upgraded = openWithRetry(address, token, 3);
				client.attach(upgraded.channel(), upgraded.leftover());
				loops.get(i % loops.size()).add(client);
				all.add(client);
				wave.add(client.subscribedFuture);
			}
			CompletableFuture.allOf(wave.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		}
		System.out.printf("%d clients connected and subscribed in %.1f s%n", all.size(),
				(System.nanoTime() - start) / 1e9);
		return new DashboardClients(loops, all);
	}

	public int size() {
		return this.clients.size();
	}

	/**
	 * A handshake may fail while the router is still warming up (JWKS fetch, JIT): try
	 * again.
	 */
	private static WebSocketHandshake.Upgraded openWithRetry(InetSocketAddress address, String token, int attempts)
			throws IOException {
		for (int attempt = 1;; attempt++) {
			try {
				return WebSocketHandshake.open(address, "/ws", "parx.v1, bearer." + token, 30_000);
			}
			catch (IOException ex) {
				if (attempt >= attempts) {
					throw ex;
				}
				System.out.println("retrying a connection after: " + ex);
			}
		}
	}

	/** Stops the selector threads, then closes every connection normally (1000). */
	@Override
	public void close() throws InterruptedException {
		for (ClientLoop loop : this.loops) {
			loop.close();
		}
		this.clients.forEach(BenchClient::close);
	}

}
