package io.parx.bench.latency;

import java.time.Instant;
import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.parx.bench.router.SampleWindow;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;

/**
 * A subscriber of the live channel beside the data router: the time from a sample's
 * source time to its arrival here is the device -&gt; broker -&gt; collector -&gt; Redis
 * hop, which leaves the router and the WebSocket as the rest of the end-to-end latency.
 */
final class LiveTap implements AutoCloseable {

	private final RedisClient client;

	private final StatefulRedisPubSubConnection<byte[], byte[]> connection;

	private final SampleWindow window = new SampleWindow();

	LiveTap(String redisUrl, String liveChannel) {
		this.client = RedisClient.create(redisUrl);
		this.connection = this.client.connectPubSub(ByteArrayCodec.INSTANCE);
		this.connection.addListener(new RedisPubSubAdapter<>() {

			@Override
			public void message(byte[] channel, byte[] message) {
				Instant now = Instant.now();
				long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
				List<Sample> samples = SampleBatchCodec.decode(message);
				for (Sample sample : samples) {
					LiveTap.this.window.record(sample.timeMicros(), micros - sample.timeMicros());
				}
			}

		});
		this.connection.sync().subscribe(liveChannel.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	SampleWindow window() {
		return this.window;
	}

	@Override
	public void close() {
		this.connection.close();
		this.client.shutdown();
	}

}
