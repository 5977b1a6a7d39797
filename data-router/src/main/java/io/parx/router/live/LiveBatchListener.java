package io.parx.router.live;

import java.util.List;

import io.parx.common.sample.Sample;

/**
 * Takes each sample batch the live feed receives, decoded, on the feed's thread. The
 * sessions implement it; the feed knows only this, so {@code live} stays below
 * {@code session} in the package structure.
 */
public interface LiveBatchListener {

	/** Must not block: it runs on the Redis listener thread, in order. */
	void dispatch(List<Sample> batch);

}
