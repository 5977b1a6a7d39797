package io.parx.router.live;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.parx.common.redis.RedisSettings;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import io.parx.common.sample.SampleCodecException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the last known value of channels from the {@code <prefix>latest} hash (field:
 * channel id in decimal, value: a one-sample batch), for subscription snapshots.
 */
@Component
public class LatestValues {

	private static final Logger logger = LoggerFactory.getLogger(LatestValues.class);

	private final RedisConnectionFactory connections;

	private final byte[] key;

	LatestValues(RedisConnectionFactory connections, RedisSettings settings) {
		this.connections = connections;
		this.key = settings.keys().latest().getBytes(StandardCharsets.UTF_8);
	}

	/** The latest samples of these channels; channels without one are left out. */
	public List<Sample> read(List<Long> channelIds) {
		if (channelIds.isEmpty()) {
			return List.of();
		}
		byte[][] fields = new byte[channelIds.size()][];
		for (int i = 0; i < fields.length; i++) {
			fields[i] = Long.toString(channelIds.get(i)).getBytes(StandardCharsets.US_ASCII);
		}
		List<byte[]> values;
		try (RedisConnection connection = this.connections.getConnection()) {
			values = connection.hashCommands().hMGet(this.key, fields);
		}
		List<Sample> samples = new ArrayList<>();
		if (values == null) {
			return samples;
		}
		for (int i = 0; i < values.size(); i++) {
			byte[] value = values.get(i);
			if (value == null) {
				continue;
			}
			try {
				samples.add(SampleBatchCodec.decodeOne(value));
			}
			catch (SampleCodecException ex) {
				logger.warn("Latest value of channel {} does not decode: {}", channelIds.get(i), ex.getMessage());
			}
		}
		return samples;
	}

}
