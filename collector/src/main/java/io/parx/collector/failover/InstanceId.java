package io.parx.collector.failover;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This collector instance's id in its group: {@code PARX_COLLECTOR_INSTANCE}, or one
 * generated once (host name and a random suffix) and kept in the data directory next to
 * the disk buffer, so a restarted instance keeps its id, its batch sequence key and the
 * buffer that belongs to it.
 *
 * @param value letters, digits, {@code ._-}
 */
public record InstanceId(String value) {

	private static final Logger logger = LoggerFactory.getLogger(InstanceId.class);

	public InstanceId {
		if (value == null || !FailoverSettings.INSTANCE.matcher(value).matches()) {
			throw new IllegalArgumentException("not an instance id: " + value);
		}
	}

	static InstanceId of(FailoverSettings settings) {
		if (settings.instance() != null) {
			return new InstanceId(settings.instance());
		}
		Path file = settings.instanceFile();
		try {
			if (Files.isRegularFile(file)) {
				return new InstanceId(Files.readString(file, StandardCharsets.UTF_8).strip());
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			logger.warn("Cannot read the collector instance id from {} ({}); generating one", file, ex.toString());
		}
		InstanceId generated = new InstanceId(
				host() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, generated.value() + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			logger.warn("Cannot keep the collector instance id in {} ({}): a restart gets a new one", file,
					ex.toString());
		}
		return generated;
	}

	private static String host() {
		try {
			String name = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "");
			return name.isEmpty() ? "collector" : name.substring(0, Math.min(name.length(), 40));
		}
		catch (IOException ex) {
			return "collector";
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
