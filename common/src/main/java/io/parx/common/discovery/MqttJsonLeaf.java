package io.parx.common.discovery;

import io.parx.common.config.channel.MqttSettings.PayloadFormat;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A leaf of a JSON payload.
 *
 * @param pointer its RFC 6901 JSON Pointer, what a channel's {@code valuePointer} takes
 * @param type {@code NUMBER}, {@code BOOLEAN} or {@code STRING}
 * @param value its value; a string cut to 200 characters
 */
@Schema(name = "MqttJsonLeaf", requiredProperties = { "pointer", "type", "value" })
public record MqttJsonLeaf(String pointer, PayloadFormat type, Object value) {

}
