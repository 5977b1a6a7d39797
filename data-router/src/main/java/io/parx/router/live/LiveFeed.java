package io.parx.router.live;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parx.common.alarm.AlarmChanged;
import io.parx.common.redis.RedisKeys;
import io.parx.common.redis.RedisSettings;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import io.parx.common.sample.SampleCodecException;
import io.parx.router.channels.ChannelEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Subscribes to {@code <prefix>live} (sample batches, fire-and-forget),
 * {@code <prefix>alarms} (alarm transitions) and {@code <prefix>config} (configuration
 * events). Messages are handled on the Redis client's own thread, in order: decoding and
 * queueing into sessions never block, so there is no need for another hand-off.
 */
@Configuration(proxyBeanMethods = false)
class LiveFeed {

	private static final Logger logger = LoggerFactory.getLogger(LiveFeed.class);

	@Bean
	RedisMessageListenerContainer liveListenerContainer(RedisConnectionFactory connections, RedisSettings settings,
			LiveBatchListener sessions, AlarmListener alarms, ChannelEvents channelEvents, MeterRegistry meters) {
		RedisKeys keys = settings.keys();
		Counter batches = Counter.builder("parx.router.live.batches")
			.description("Sample batches received from Redis")
			.register(meters);
		Counter samples = Counter.builder("parx.router.live.samples")
			.description("Samples received from Redis")
			.register(meters);
		Counter undecodable = Counter.builder("parx.router.live.undecodable")
			.description("Live messages that are not a sample batch or an alarm transition")
			.register(meters);
		Counter alarmChanges = Counter.builder("parx.router.live.alarms")
			.description("Alarm transitions received from Redis")
			.register(meters);
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connections);
		// In-order, on the listener thread: see the class comment.
		container.setTaskExecutor(new SyncTaskExecutor());
		container.addMessageListener((Message message, byte[] pattern) -> {
			List<Sample> batch;
			try {
				batch = SampleBatchCodec.decode(message.getBody());
			}
			catch (SampleCodecException ex) {
				undecodable.increment();
				logger.debug("Ignoring live message: {}", ex.getMessage());
				return;
			}
			batches.increment();
			samples.increment(batch.size());
			sessions.dispatch(batch);
		}, new ChannelTopic(keys.live()));
		container.addMessageListener((Message message, byte[] pattern) -> {
			AlarmChanged change;
			try {
				change = AlarmChanged.fromJson(new String(message.getBody(), StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException ex) {
				undecodable.increment();
				logger.debug("Ignoring alarm message: {}", ex.getMessage());
				return;
			}
			alarmChanges.increment();
			alarms.alarmChanged(change);
		}, new ChannelTopic(keys.alarms()));
		container.addMessageListener(
				(Message message, byte[] pattern) -> channelEvents
					.onConfigMessage(new String(message.getBody(), StandardCharsets.UTF_8)),
				new ChannelTopic(keys.config()));
		return container;
	}

}
