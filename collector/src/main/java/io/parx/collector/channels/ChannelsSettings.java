package io.parx.collector.channels;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Channel loading ({@code parx.collector.channels}).
 *
 * @param resyncInterval how often the full channel set is compared with the database, to
 * catch config events missed while Redis was unreachable
 */
@ConfigurationProperties("parx.collector.channels")
public record ChannelsSettings(@DefaultValue("60s") Duration resyncInterval) {

}
