package io.parx.collector.engine;

/**
 * Whether a channel runs. One word for the status API, the same for every protocol.
 */
public enum ChannelState {

	/** Handed to its connection or timebase; its quality says how reading goes. */
	RUNNING,

	/**
	 * Its settings cannot be read or its connection cannot be built from them: it does
	 * not run, its quality is Bad_ConfigurationError and the status carries the reason.
	 */
	MISCONFIGURED

}
