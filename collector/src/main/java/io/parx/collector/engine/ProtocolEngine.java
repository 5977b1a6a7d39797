package io.parx.collector.engine;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;

import io.parx.common.config.channel.Protocol;
import io.parx.common.sample.Quality;
import io.parx.common.sample.SampleValue;

/**
 * Reads the channels of one protocol. Engines are Spring beans; the collector core finds
 * all of them, hands each the channels of its protocol and a {@link SampleSink} (by
 * injection) to publish to.
 */
public interface ProtocolEngine extends AutoCloseable {

	Protocol protocol();

	/**
	 * Applies the full desired set of this protocol's enabled channels. The engine diffs
	 * it against what runs and touches only what changed: an unchanged channel keeps its
	 * connection and schedule. Called at start-up and on every config change of one of
	 * its channels; must return quickly (well under a second).
	 */
	void apply(Collection<ChannelConfig> channels);

	/**
	 * Reads one channel once, live, for the channel test; does not publish to the sink.
	 * The channel need not be one that runs (id 0 for an unsaved channel).
	 * @return the value or the reason it could not be read; never throws for device
	 * errors
	 */
	ReadResult readOnce(ChannelConfig channel, Duration timeout);

	/**
	 * Writes a value to the channel's device once (issue #19), in engineering units, and
	 * reads the value before and after on the same connection where the protocol reads on
	 * demand: the engine undoes scale and offset ({@link RawValue}) and encodes the value
	 * as the channel's data type. The caller has checked that the channel is writable and
	 * the value within its limits. The timeout bounds all three together. Never throws
	 * for device errors.
	 */
	default WriteOutcome writeAndReadBack(ChannelConfig channel, SampleValue value, Duration timeout) {
		return WriteOutcome
			.failed(ReadResult.failed(Quality.BAD_CONFIGURATION_ERROR, 0, protocol() + " channels cannot be written"));
	}

	/**
	 * Checks the channel's protocol settings as {@link #readOnce} would read them, so
	 * that a channel test of an impossible configuration (port -1, a {@code file://} URL)
	 * is a 400 for the caller instead of a reading that failed.
	 * @throws IllegalArgumentException naming what is wrong
	 */
	void validate(ChannelConfig channel);

	/**
	 * What serves the channel and must be held by exactly one instance of a collector
	 * group (issue #21, docs/OPERATIONS.md "Collector groups"): its device connection,
	 * named without secrets. Channels with the same name share a lease and move between
	 * instances together. Engines without device connections (the simulator), and
	 * channels whose settings do not read, answer the channel itself.
	 */
	default String connection(ChannelConfig channel) {
		return protocol().name().toLowerCase(Locale.ROOT) + ":channel:" + channel.id();
	}

	/** Connections and channels for the status API. */
	EngineStatus status();

	/** Stops all reading and closes connections; does not throw checked exceptions. */
	@Override
	void close();

}
