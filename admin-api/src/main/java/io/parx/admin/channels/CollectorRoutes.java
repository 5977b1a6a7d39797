package io.parx.admin.channels;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.parx.admin.request.ConfigProblems;
import io.parx.common.collector.CollectorInstance;
import io.parx.common.redis.RedisKeys;
import io.parx.common.redis.RedisSettings;

/**
 * Which collector instance a channel's test-read and writes go to (issue #21): the one
 * whose instance record ({@link CollectorInstance}, docs/CONTRACTS.md "Redis") says it
 * runs the channel, at the URL it announced. {@code PARX_COLLECTOR_URL} when its group
 * has no instance records (a collector of an earlier version, Redis not answering) or the
 * holder announced no URL. A group with live instances of which none holds an enabled
 * channel (e.g. during a takeover) is a 503 that says so; a disabled channel, which runs
 * nowhere, is tested on any instance of its group.
 */
@Component
class CollectorRoutes {

	private static final Logger log = LoggerFactory.getLogger(CollectorRoutes.class);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final CollectorSettings settings;

	CollectorRoutes(StringRedisTemplate redis, RedisSettings redisSettings, CollectorSettings settings) {
		this.redis = redis;
		this.keys = redisSettings.keys();
		this.settings = settings;
	}

	/** The base URL of the collector instance to ask about the channel. */
	URI baseUrl(Channel channel) {
		String group = CollectorInstance.groupOf(channel.collector());
		List<CollectorInstance> instances;
		try {
			instances = instances(group);
		}
		catch (RuntimeException ex) {
			log.warn("Cannot read the instances of collector group {} from Redis ({}); using {}", group, ex.toString(),
					this.settings.url());
			return this.settings.url();
		}
		if (instances.isEmpty()) {
			return this.settings.url();
		}
		Optional<CollectorInstance> holder = instances.stream().filter((i) -> i.runs(channel.id())).findFirst();
		if (holder.isPresent()) {
			return url(holder.get());
		}
		if (!channel.enabled() || instances.size() == 1) {
			// a disabled channel runs nowhere; a lone instance runs every channel of its
			// name, or is about to (a channel created a moment ago)
			return instances.stream()
				.filter((i) -> i.url() != null)
				.findFirst()
				.map(this::url)
				.orElse(this.settings.url());
		}
		throw ConfigProblems.collector(HttpStatus.SERVICE_UNAVAILABLE,
				"no instance of collector group '" + group + "' runs channel " + channel.name() + " now (live: "
						+ String.join(", ", instances.stream().map(CollectorInstance::instance).toList())
						+ "); an instance takes a stopped one's channels over within about 10 s, try again");
	}

	private URI url(CollectorInstance instance) {
		return (instance.url() != null) ? URI.create(instance.url()) : this.settings.url();
	}

	private List<CollectorInstance> instances(String group) {
		List<String> ids = new ArrayList<>(this.redis.opsForSet().members(this.keys.collectorInstances(group)));
		List<CollectorInstance> live = new ArrayList<>();
		if (ids.isEmpty()) {
			return live;
		}
		ids.sort(null);
		List<String> records = this.redis.opsForValue()
			.multiGet(ids.stream().map((id) -> this.keys.collectorInstance(group, id)).toList());
		for (String record : (records != null) ? records : List.<String>of()) {
			if (record == null) {
				continue; // expired: the instance is gone
			}
			try {
				live.add(CollectorInstance.fromJson(record));
			}
			catch (IllegalArgumentException ex) {
				log.debug("Ignoring an unreadable collector instance record: {}", ex.getMessage());
			}
		}
		live.sort(Comparator.comparing(CollectorInstance::instance));
		return live;
	}

}
