package io.parx.bench.router;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One platform thread serving many {@link BenchClient}s through a {@link Selector}: a
 * thousand clients need two of these, not a thousand threads or a thread hand-off per
 * frame.
 */
final class ClientLoop implements AutoCloseable {

	private final Selector selector;

	private final Queue<BenchClient> joining = new ConcurrentLinkedQueue<>();

	private final Thread thread;

	private volatile boolean running = true;

	ClientLoop(String name) {
		try {
			this.selector = Selector.open();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.thread = Thread.ofPlatform().name(name).daemon().start(this::run);
	}

	/** Hands an attached client to this loop's thread, which owns it from now on. */
	void add(BenchClient client) {
		this.joining.add(client);
		this.selector.wakeup();
	}

	private void run() {
		while (this.running) {
			try {
				this.selector.select(this::ready, 100);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			for (BenchClient client = this.joining.poll(); client != null; client = this.joining.poll()) {
				try {
					client.channel().register(this.selector, SelectionKey.OP_READ, client);
					// The welcome may have come with the handshake response.
					client.handleBuffered(BenchClient.micros(java.time.Instant.now()));
				}
				catch (IOException | RuntimeException ex) {
					client.failed(ex);
				}
			}
		}
	}

	private void ready(SelectionKey key) {
		BenchClient client = (BenchClient) key.attachment();
		try {
			if (!client.read()) {
				key.cancel();
				client.channel().close();
			}
		}
		catch (IOException | RuntimeException ex) {
			key.cancel();
			client.failed(ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.selector.wakeup();
		this.thread.join(5000);
		try {
			this.selector.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

}
