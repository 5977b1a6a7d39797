package io.parx.collector;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This collector instance ({@code parx.collector}).
 *
 * @param name the instance name ({@code PARX_COLLECTOR_NAME}); channels assigned to it
 * run here, and unassigned channels run on the instance named {@value #DEFAULT_NAME}
 */
@ConfigurationProperties("parx.collector")
public record CollectorSettings(@DefaultValue(DEFAULT_NAME) String name) {

	public static final String DEFAULT_NAME = "default";

	public CollectorSettings {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new IllegalArgumentException("collector name must be 1 to 100 characters");
		}
	}

	public boolean isDefault() {
		return DEFAULT_NAME.equals(this.name);
	}

}
