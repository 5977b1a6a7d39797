package io.parx.router.session;

import java.util.ArrayList;
import java.util.List;

import io.parx.router.live.LiveSample;

/**
 * The samples of one incoming batch, grouped by the session that receives them. Each
 * session's share goes into that session's {@link RouterSession#dispatchSlot()}, reused
 * from batch to batch: a batch of 100 samples touches hundreds of sessions, 100 times a
 * second, and a map of fresh lists per batch would be pure garbage.
 *
 * <p>
 * Not thread-safe: {@link SessionRegistry#dispatch} synchronises on it, and it is the
 * only user of the slots.
 */
final class BatchGrouping {

	private final List<RouterSession> touched = new ArrayList<>();

	void add(RouterSession session, LiveSample sample) {
		List<LiveSample> slot = session.dispatchSlot();
		if (slot.isEmpty()) {
			this.touched.add(session);
		}
		slot.add(sample);
	}

	/**
	 * Offers every touched session its samples, in batch order, and empties the slots.
	 */
	void offerAll(long now) {
		try {
			for (RouterSession session : this.touched) {
				session.offer(session.dispatchSlot(), now);
			}
		}
		finally {
			// Even if one offer failed: a slot left full would never be offered again.
			for (RouterSession session : this.touched) {
				session.dispatchSlot().clear();
			}
			this.touched.clear();
		}
	}

}
