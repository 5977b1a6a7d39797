package io.parx.collector.api;

import java.time.Duration;
import java.util.Set;

import io.parx.collector.channels.ChannelCoordinator;
import io.parx.collector.engine.ChannelConfig;
import io.parx.collector.engine.ProtocolEngine;
import io.parx.collector.engine.RawValue;
import io.parx.collector.engine.ReadResult;
import io.parx.collector.engine.WriteOutcome;
import io.parx.common.config.InvalidSettingsException;
import io.parx.common.config.channel.ChannelSettings;
import io.parx.common.config.channel.WriteAccess;
import io.parx.common.problem.ProblemType;
import io.parx.common.problem.Problems;
import io.parx.common.sample.Quality;
import io.parx.common.sample.SampleValue;
import io.parx.common.security.AccessRules;
import io.parx.common.security.Role;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.stereotype.Component;

/**
 * Writes a value to a channel's device (issue #19): checks the channel's
 * {@link WriteAccess} and the caller's role again (the admin-api checked them, but the
 * collector is reachable on its own), reads the value before, writes once and reads it
 * back. An ENGINEER or ADMIN may write a channel as sent, like the channel test; a caller
 * who is only an OPERATOR writes only a channel this collector runs, as it runs it, so
 * that no settings sent with the request decide where the value goes.
 */
@Component
class ChannelWriter {

	private final ChannelCoordinator coordinator;

	ChannelWriter(ChannelCoordinator coordinator) {
		this.coordinator = coordinator;
	}

	ChannelWriteResult write(ChannelWriteRequest request, Set<Role> roles) {
		boolean configurer = roles.stream().anyMatch(AccessRules.CONFIGURERS::contains);
		ChannelConfig channel = configurer ? toConfig(request.channel()) : running(request.channel().id());
		ChannelSettings settings;
		try {
			settings = ChannelSettings.fromJson(channel.protocol(), channel.dataType(), channel.settingsMap());
		}
		catch (InvalidSettingsException ex) {
			throw ex;
		}
		catch (IllegalArgumentException ex) {
			// settings that are no JSON object
			throw new InvalidChannelException(ex.getMessage());
		}
		WriteAccess access = settings.write();
		if (!access.writable()) {
			throw Problems.of(ProblemType.NOT_WRITABLE,
					"channel " + channel.name() + " is not writable (its settings do not say writable: true)");
		}
		if (!configurer && !access.operatorWritable()) {
			throw Problems.forbidden("channel " + channel.name() + " is written by ENGINEER and ADMIN only "
					+ "(its settings do not say operatorWritable: true)");
		}
		SampleValue value;
		try {
			value = access.check(channel.dataType(), request.value());
			RawValue.of(channel, value);
		}
		catch (IllegalArgumentException ex) {
			throw Problems.validation("value", ex.getMessage());
		}
		ProtocolEngine engine = this.coordinator.engine(channel.protocol()).orElse(null);
		if (engine == null) {
			return ChannelWriteResult.of(null, ReadResult.failed(Quality.BAD_CONFIGURATION_ERROR, 0,
					"this collector has no " + channel.protocol() + " engine"), null);
		}
		WriteOutcome outcome = engine.writeAndReadBack(channel, value, Duration.ofMillis(request.timeoutOrDefault()));
		return ChannelWriteResult.of(outcome.before(), outcome.written(), outcome.after());
	}

	private ChannelConfig running(long id) {
		return this.coordinator.channels()
			.stream()
			.filter((channel) -> channel.id() == id)
			.findFirst()
			.orElseThrow(() -> Problems.forbidden("channel " + id + " does not run on this collector: an OPERATOR "
					+ "writes only the channels a collector runs"));
	}

	private static ChannelConfig toConfig(ChannelWriteRequest.ChannelForm form) {
		if (Boolean.FALSE.equals(form.enabled())) {
			throw Problems.of(ProblemType.NOT_WRITABLE, "channel " + form.name() + " is disabled");
		}
		try {
			return new ChannelConfig(form.id(), form.name(), form.dataType(), (form.scale() != null) ? form.scale() : 1,
					(form.offset() != null) ? form.offset() : 0, Duration.ofSeconds(1), true, null, form.tags(),
					form.protocol(),
					(form.settings() != null) ? form.settings() : JsonNodeFactory.instance.objectNode(), 0);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidChannelException(ex.getMessage());
		}
	}

}
