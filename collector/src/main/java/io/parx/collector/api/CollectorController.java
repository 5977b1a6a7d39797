package io.parx.collector.api;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.parx.collector.CollectorSettings;
import io.parx.collector.buffer.DiskBuffer;
import io.parx.collector.channels.ChannelCoordinator;
import io.parx.collector.engine.BoundedRead;
import io.parx.collector.engine.ChannelConfig;
import io.parx.collector.engine.ProtocolEngine;
import io.parx.collector.engine.ReadResult;
import io.parx.collector.failover.LeaseKeeper;
import io.parx.collector.publish.Publisher;
import io.parx.common.config.InvalidSettingsException;
import io.parx.common.sample.Quality;
import io.parx.common.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The collector's HTTP API: the live channel test, writes and the status. */
@RestController
@Tag(name = "Collector")
@RequestMapping("/api/v1/collector")
class CollectorController {

	private final ChannelCoordinator coordinator;

	private final Publisher publisher;

	private final CollectorSettings settings;

	private final ChannelWriter writer;

	private final LeaseKeeper leases;

	private final Clock clock = Clock.systemUTC();

	CollectorController(ChannelCoordinator coordinator, Publisher publisher, CollectorSettings settings,
			ChannelWriter writer, LeaseKeeper leases) {
		this.leases = leases;
		this.coordinator = coordinator;
		this.writer = writer;
		this.publisher = publisher;
		this.settings = settings;
	}

	/**
	 * Reads a channel configuration once, live, without publishing; the device's own
	 * failure comes back as a bad quality with the reason, not as an HTTP error.
	 */
	@Operation(operationId = "testChannelConfiguration",
			summary = "Read a channel configuration once, live, without publishing (ENGINEER, ADMIN)")
	@PostMapping("/test")
	ChannelTestResult test(@Valid @RequestBody ChannelTestRequest request) {
		ChannelConfig channel = toConfig(request.channel());
		ProtocolEngine engine = this.coordinator.engine(channel.protocol()).orElse(null);
		if (engine == null) {
			return ChannelTestResult.of(ReadResult.failed(Quality.BAD_CONFIGURATION_ERROR, 0,
					"this collector has no " + channel.protocol() + " engine"));
		}
		try {
			engine.validate(channel);
		}
		catch (InvalidSettingsException ex) {
			throw ex;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidChannelException(ex.getMessage());
		}
		return ChannelTestResult
			.of(BoundedRead.readOnce(engine, channel, Duration.ofMillis(request.timeoutOrDefault())));
	}

	/**
	 * Writes a value to a channel's device and reads it back (issue #19); the device's
	 * own failure comes back as a bad quality with the reason, not as an HTTP error.
	 */
	@Operation(operationId = "writeChannel",
			summary = "Write a value to a writable channel's device and read it back (ENGINEER, ADMIN; OPERATOR for "
					+ "operatorWritable channels this collector runs)")
	@ApiResponse(responseCode = "200")
	@ApiResponse(responseCode = "400", ref = "BadRequest")
	@ApiResponse(responseCode = "403", ref = "Forbidden")
	@ApiResponse(responseCode = "409", ref = "NotWritable")
	@PostMapping("/write")
	ChannelWriteResult write(@Valid @RequestBody ChannelWriteRequest request) {
		return this.writer.write(request, Role.of(SecurityContextHolder.getContext().getAuthentication()));
	}

	@Operation(operationId = "getCollectorStatus",
			summary = "Publishing, disk buffer, connections and channels of every protocol engine, and the device "
					+ "connections this instance holds in its collector group (every role)")
	@GetMapping("/status")
	StatusView status() {
		DiskBuffer buffer = this.publisher.buffer();
		StatusView.Publishing publishing = new StatusView.Publishing(this.publisher.redisReachable(),
				this.publisher.spooling(), this.publisher.backlog(), this.publisher.queued(), buffer.depth(),
				buffer.bytes(), ageMillis(buffer.oldestBatchMillis()), buffer.droppedBatches(), buffer.tornRecords());
		Map<String, StatusView.Engine> engines = new LinkedHashMap<>();
		this.coordinator.engines()
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((entry) -> engines.put(entry.getKey().name(), StatusView.Engine.of(entry.getValue().status())));
		return new StatusView(this.settings.name(), publishing, engines, this.leases.status());
	}

	private Long ageMillis(Long since) {
		return (since != null) ? Math.max(0, this.clock.millis() - since) : null;
	}

	private static ChannelConfig toConfig(ChannelTestRequest.ChannelForm form) {
		try {
			return new ChannelConfig((form.id() != null) ? form.id() : 0, form.name(), form.dataType(),
					(form.scale() != null) ? form.scale() : 1, (form.offset() != null) ? form.offset() : 0,
					Duration.ofMillis((form.pollIntervalMs() != null) ? form.pollIntervalMs() : 1000), true, null,
					form.tags(), form.protocol(),
					(form.settings() != null) ? form.settings() : JsonNodeFactory.instance.objectNode(), 0);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidChannelException(ex.getMessage());
		}
	}

}
