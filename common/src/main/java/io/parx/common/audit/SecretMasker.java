package io.parx.common.audit;

import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces the value of every JSON property whose name contains {@code password},
 * {@code secret} or {@code token} (any case, any depth) by {@value #MASK}, so the audit
 * trail never stores a credential (OWASP ASVS V7.1.1).
 */
final class SecretMasker {

	static final String MASK = "***";

	private SecretMasker() {
	}

	static boolean isSecret(String propertyName) {
		String name = propertyName.toLowerCase(Locale.ROOT);
		return name.contains("password") || name.contains("secret") || name.contains("token");
	}

	static JsonNode mask(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> property : object.properties()) {
				if (isSecret(property.getKey()) && !property.getValue().isNull()) {
					property.setValue(object.stringNode(MASK));
				}
				else {
					mask(property.getValue());
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			array.forEach(SecretMasker::mask);
		}
		return node;
	}

}
