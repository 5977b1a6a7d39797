package io.parx.admin.channels;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import io.parx.common.audit.AuditActions;
import io.parx.common.audit.AuditTrail;
import io.parx.common.audit.AuditUnavailableException;
import io.parx.common.audit.Actor;
import io.parx.common.config.InvalidSettingsException;
import io.parx.common.config.channel.ChannelSettings;
import io.parx.common.config.channel.WriteAccess;
import io.parx.common.problem.ProblemException;
import io.parx.common.problem.ProblemType;
import io.parx.common.problem.Problems;
import io.parx.common.sample.Quality;
import io.parx.common.security.AccessRules;
import io.parx.common.security.Role;

/**
 * Writes a value to a channel's device through the collector that runs it
 * ({@code POST /api/v1/collector/write}, forwarded as the channel test is, with the
 * caller's token and the test's timeout), issue #19.
 * <p>
 * Checked here before anything is sent, in this order: the channel is enabled (409
 * {@code /problems/not-writable}), its settings say {@code writable} (409, the same
 * type), the caller is ENGINEER or ADMIN or the channel says {@code operatorWritable}
 * (403), the value suits the data type and {@code writeMin}/{@code writeMax} (400 naming
 * {@code value}). The collector checks them again. Every write that is sent is audited
 * ({@code WRITE}, entity {@code channel}: before the latest value the collector read,
 * after the value sent, the outcome in the detail) before it is answered; a device that
 * refused or did not answer is then a 502 {@code /problems/device-write-failed} or 504
 * {@code /problems/device-timeout}.
 */
@Component
class ChannelWriter {

	static final String ENTITY = "channel";

	private final CollectorClient collector;

	private final CollectorRoutes routes;

	private final AuditTrail audit;

	ChannelWriter(CollectorClient collector, CollectorRoutes routes, AuditTrail audit) {
		this.collector = collector;
		this.routes = routes;
		this.audit = audit;
	}

	Map<String, Object> write(Channel channel, Object value, Set<Role> roles, String authorization) {
		WriteAccess access = access(channel);
		if (!channel.enabled()) {
			throw Problems.of(ProblemType.NOT_WRITABLE,
					"channel " + channel.name() + " is disabled: enable it before writing to it");
		}
		if (!access.writable()) {
			throw Problems.of(ProblemType.NOT_WRITABLE, "channel " + channel.name()
					+ " is not writable: an ENGINEER sets writable: true in its settings to allow writes");
		}
		boolean configurer = roles.stream().anyMatch(AccessRules.CONFIGURERS::contains);
		if (!configurer && !access.operatorWritable()) {
			throw Problems.forbidden("channel " + channel.name()
					+ " is written by ENGINEER and ADMIN only (its settings do not say operatorWritable: true)");
		}
		try {
			access.check(channel.dataType(), value);
		}
		catch (IllegalArgumentException ex) {
			throw Problems.validation("value", ex.getMessage());
		}
		Actor actor = Actor.current();
		Map<String, Object> answer;
		try {
			answer = this.collector.post(
					this.routes.baseUrl(channel), "/api/v1/collector/write", Map.of("channel",
							channel.toCollectorView(), "value", value, "timeoutMs", this.collector.deviceTimeoutMs()),
					authorization, CollectorClient.Relay.CLIENT_ERRORS);
		}
		catch (ErrorResponseException ex) {
			record(actor, channel, null, value,
					"not written: " + ex.getStatusCode().value() + " " + ex.getBody().getDetail());
			throw ex;
		}
		int quality = (answer.get("quality") instanceof Number n) ? (int) n.longValue() : Quality.BAD;
		String qualityName = (answer.get("qualityName") instanceof String s) ? s : Quality.name(quality);
		Object error = answer.get("error");
		boolean good = Quality.isGood(quality);
		String outcome = good ? qualityName + ", read back " + answer.get("readBack")
				: "not written: " + qualityName + ((error != null) ? " " + error : "");
		record(actor, channel, answer.get("previous"), value, outcome);
		if (!good) {
			throw deviceProblem(channel, quality, qualityName, error);
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("written", answer.get("written"));
		result.put("readBack", answer.get("readBack"));
		result.put("previous", answer.get("previous"));
		result.put("quality", Integer.toUnsignedLong(quality));
		result.put("qualityName", qualityName);
		result.put("latencyMs", (answer.get("latencyMs") instanceof Number n) ? n.longValue() : null);
		result.put("readBackError", answer.get("readBackError"));
		return result;
	}

	private static WriteAccess access(Channel channel) {
		try {
			return ChannelSettings.fromJson(channel.protocol(), channel.dataType(), channel.settings()).write();
		}
		catch (InvalidSettingsException ex) {
			// stored before a rule existed: it cannot be written until it is saved again
			throw Problems.of(ProblemType.NOT_WRITABLE,
					"channel " + channel.name() + " has settings that no longer pass: " + ex.getMessage());
		}
	}

	/**
	 * The audit entry of a write that was sent, before the answer: when it cannot be
	 * written the caller learns that the device may hold the new value all the same.
	 */
	private void record(Actor actor, Channel channel, Object previous, Object value, String outcome) {
		try {
			this.audit.record(actor, AuditActions.WRITE, ENTITY, channel.id(), single(previous), single(value),
					outcome);
		}
		catch (AuditUnavailableException ex) {
			throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
					Problems.detail(ProblemType.AUDIT_UNAVAILABLE, "the write to channel " + channel.name()
							+ " was sent (" + outcome + "), but its audit entry could not be written"),
					ex);
		}
	}

	private static Map<String, Object> single(Object value) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("value", value);
		return map;
	}

	private static ProblemException deviceProblem(Channel channel, int quality, String qualityName, Object error) {
		ProblemType type = (quality == Quality.BAD_TIMEOUT) ? ProblemType.DEVICE_TIMEOUT
				: ProblemType.DEVICE_WRITE_FAILED;
		ProblemDetail problem = Problems.detail(type, "the device of channel " + channel.name()
				+ ((type == ProblemType.DEVICE_TIMEOUT) ? " did not answer the write: " : " did not take the value: ")
				+ qualityName + ((error != null) ? " (" + error + ")" : ""));
		problem.setProperty("quality", Integer.toUnsignedLong(quality));
		problem.setProperty("qualityName", qualityName);
		return new ProblemException(problem);
	}

}
