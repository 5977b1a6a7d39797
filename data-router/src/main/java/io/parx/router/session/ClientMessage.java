package io.parx.router.session;

import java.util.List;

/**
 * A message from the client (docs/API.md, "Live data WebSocket"). One shape for all
 * types; the handler checks which fields a type needs.
 *
 * @param type {@code subscribe}, {@code unsubscribe}, {@code subscribe-alarms},
 * {@code unsubscribe-alarms}, {@code ping} or {@code auth}
 * @param id optional request id, echoed in the reply
 * @param channelIds channels to (un)subscribe
 * @param tags tags whose channels to (un)subscribe
 * @param maxRate most updates per second per channel, absent for every sample
 * @param token a fresh access token ({@code auth})
 */
record ClientMessage(String type, String id, List<Long> channelIds, List<String> tags, Double maxRate, String token) {

	List<Long> channelIdsOrEmpty() {
		return (this.channelIds != null) ? this.channelIds : List.of();
	}

	List<String> tagsOrEmpty() {
		return (this.tags != null) ? this.tags : List.of();
	}

}
