package io.parx.common.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a client may send to any ParX service.
 *
 * @param maxRequestSize the largest request body accepted; larger ones are answered 413
 * before they are read ({@code PARX_INPUT_MAX_REQUEST_SIZE}, default 1MB)
 */
@ConfigurationProperties("parx.input")
public record InputSettings(@DefaultValue("1MB") DataSize maxRequestSize) {

	public InputSettings {
		if (maxRequestSize == null || maxRequestSize.toBytes() <= 0) {
			throw new IllegalArgumentException("parx.input.max-request-size must be positive");
		}
	}

}
