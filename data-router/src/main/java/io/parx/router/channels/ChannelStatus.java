package io.parx.router.channels;

import java.util.Locale;

/** What a subscribed client is told about a channel's configuration state. */
public enum ChannelStatus {

	ENABLED, DISABLED, DELETED;

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
