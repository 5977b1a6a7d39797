package io.parx.router.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.parx.common.alarm.ActiveAlarm;
import io.parx.common.alarm.AlarmChanged;
import io.parx.common.sample.Sample;
import io.parx.router.channels.ChannelStatus;
import io.parx.router.live.JsonAppender;
import io.parx.router.live.LiveSample;

/**
 * The JSON text of every message the router sends (docs/API.md, "Live data WebSocket").
 */
final class ServerMessages {

	private ServerMessages() {
	}

	static String welcome(String user, Instant tokenExpiresAt) {
		StringBuilder out = new StringBuilder("{\"type\":\"welcome\",\"protocol\":\"parx.v1\",\"user\":");
		JsonAppender.string(out, user);
		return out.append(",\"tokenExpiresAt\":\"").append(tokenExpiresAt).append("\"}").toString();
	}

	static String subscribed(String requestId, Collection<Long> channelIds, double maxRate) {
		StringBuilder out = start("subscribed", requestId).append(",\"channelIds\":");
		JsonAppender.longs(out, channelIds);
		if (maxRate > 0) {
			out.append(",\"maxRate\":").append(maxRate);
		}
		return out.append('}').toString();
	}

	static String unsubscribed(String requestId, Collection<Long> channelIds) {
		StringBuilder out = start("unsubscribed", requestId).append(",\"channelIds\":");
		return JsonAppender.longs(out, channelIds).append('}').toString();
	}

	static String snapshot(String requestId, List<Sample> samples) {
		StringBuilder out = start("snapshot", requestId).append(",\"samples\":[");
		for (int i = 0; i < samples.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append(new LiveSample(samples.get(i), 0).json());
		}
		return out.append("]}").toString();
	}

	static String update(List<LiveSample> samples) {
		// Sized exactly: a frame per session and batch, tens of thousands a second, and a
		// builder that grows copies the frame once more.
		int length = 32;
		for (int i = 0; i < samples.size(); i++) {
			length += samples.get(i).json().length() + 1;
		}
		StringBuilder out = new StringBuilder(length).append("{\"type\":\"update\",\"samples\":[");
		for (int i = 0; i < samples.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append(samples.get(i).json());
		}
		return out.append("]}").toString();
	}

	static String status(long channelId, ChannelStatus status) {
		return "{\"type\":\"status\",\"channelId\":" + channelId + ",\"status\":\"" + status.wireName() + "\"}";
	}

	/** One status for several channels, e.g. the disabled ones of a subscribe. */
	static String status(Collection<Long> channelIds, ChannelStatus status) {
		StringBuilder out = new StringBuilder(32 + channelIds.size() * 8)
			.append("{\"type\":\"status\",\"channelIds\":");
		return JsonAppender.longs(out, channelIds)
			.append(",\"status\":\"")
			.append(status.wireName())
			.append("\"}")
			.toString();
	}

	/** The active alarms, the reply to {@code subscribe-alarms}. */
	static String alarms(String requestId, List<ActiveAlarm> active) {
		StringBuilder out = start("alarms", requestId).append(",\"active\":[");
		for (int i = 0; i < active.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append(active.get(i).toJson());
		}
		return out.append("]}").toString();
	}

	/**
	 * One alarm transition: {@code {"type":"alarm","event":{...},"active":{...}|null}},
	 * the fields of the {@code <prefix>alarms} message.
	 */
	static String alarm(AlarmChanged change) {
		// the record's JSON is an object: its fields follow the type
		return "{\"type\":\"alarm\"," + change.toJson().substring(1);
	}

	static String alarmsUnsubscribed(String requestId) {
		return start("alarms-unsubscribed", requestId).append('}').toString();
	}

	static String pong(String requestId) {
		return start("pong", requestId).append(",\"time\":\"").append(Instant.now()).append("\"}").toString();
	}

	static String authRequired(Instant expiresAt, Duration grace) {
		return "{\"type\":\"auth-required\",\"tokenExpiresAt\":\"" + expiresAt + "\",\"closeAt\":\""
				+ expiresAt.plus(grace) + "\"}";
	}

	static String authenticated(String requestId, Instant expiresAt) {
		return start("authenticated", requestId).append(",\"tokenExpiresAt\":\"")
			.append(expiresAt)
			.append("\"}")
			.toString();
	}

	static String error(String requestId, ErrorCode code, String message, Collection<?> rejected) {
		StringBuilder out = start("error", requestId).append(",\"code\":\"")
			.append(code.name())
			.append("\",\"message\":");
		JsonAppender.string(out, message);
		if (rejected != null && !rejected.isEmpty()) {
			out.append(",\"rejected\":[");
			boolean first = true;
			for (Object value : rejected) {
				if (!first) {
					out.append(',');
				}
				first = false;
				if (value instanceof Number number) {
					out.append(number.longValue());
				}
				else {
					JsonAppender.string(out, String.valueOf(value));
				}
			}
			out.append(']');
		}
		return out.append('}').toString();
	}

	private static StringBuilder start(String type, String requestId) {
		StringBuilder out = new StringBuilder(128).append("{\"type\":\"").append(type).append('"');
		if (requestId != null) {
			JsonAppender.string(out.append(",\"id\":"), requestId);
		}
		return out;
	}

	/** The {@code code} of an error message. */
	enum ErrorCode {

		/** Not JSON, an unknown {@code type} or a missing field. */
		BAD_MESSAGE,
		/** A channel id the config database does not know. */
		UNKNOWN_CHANNEL,
		/** A tag no channel carries. */
		UNKNOWN_TAG,
		/** {@code maxRate} not positive or above the router's limit. */
		BAD_RATE,
		/** The session would exceed {@code parx.router.max-subscriptions}. */
		TOO_MANY_SUBSCRIPTIONS,
		/**
		 * The token of an {@code auth} message is invalid, expired or for another user.
		 */
		AUTH_FAILED,
		/**
		 * The config database or Redis (alarm snapshot) cannot be reached; retry later.
		 */
		UNAVAILABLE,
		/** A defect in the router; the session stays usable. */
		INTERNAL_ERROR

	}

}
