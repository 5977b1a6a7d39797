package io.parx.analytics.latest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.parx.common.problem.Problems;
import io.parx.common.problem.ProblemType;
import io.parx.common.redis.RedisKeys;
import io.parx.common.redis.RedisSettings;
import io.parx.common.sample.Sample;
import io.parx.common.sample.SampleBatchCodec;
import io.parx.common.sample.SampleValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The last known value of a channel from the collector's {@code <prefix>latest} hash
 * (docs/CONTRACTS.md, "Redis"; field = channel id, value = one sample in the binary
 * codec).
 */
@RestController
class LatestController {

	private final RedisConnectionFactory redis;

	private final RedisKeys keys;

	LatestController(RedisConnectionFactory redis, RedisSettings settings) {
		this.redis = redis;
		this.keys = settings.keys();
	}

	@Schema(name = "LatestValue", requiredProperties = { "channelId", "time", "value", "quality" })
	record Latest(long channelId, Instant time, @Schema(description = "null when the reading failed", types = {
			"number", "boolean", "string", "null" }) Object value,
			@Schema(description = "OPC UA StatusCode as an unsigned number: 0 Good") long quality){
	}

	@Operation(operationId = "getLatestValue", summary = "The last known value of a channel (every role)")
	@Tag(name = "History")
	@ApiResponse(responseCode = "200")
	@ApiResponse(responseCode = "404", ref = "NotFound")
	@GetMapping("/api/v1/analytics/channels/{id}/latest")
	Latest latest(@PathVariable long id) {
		byte[] bytes;
		try (RedisConnection connection = this.redis.getConnection()) {
			bytes = connection.hashCommands()
				.hGet(this.keys.latest().getBytes(StandardCharsets.UTF_8),
						Long.toString(id).getBytes(StandardCharsets.UTF_8));
		}
		if (bytes == null) {
			throw Problems.of(ProblemType.NOT_FOUND, "channel " + id + " has no latest value");
		}
		Sample sample = SampleBatchCodec.decodeOne(bytes);
		return new Latest(sample.channelId(), sample.time(), value(sample.value()),
				Integer.toUnsignedLong(sample.quality()));
	}

	private static Object value(SampleValue value) {
		return switch (value) {
			case SampleValue.Numeric numeric -> numeric.value();
			case SampleValue.Bool bool -> bool.value();
			case SampleValue.Text text -> text.value();
			case null -> null;
		};
	}

}
