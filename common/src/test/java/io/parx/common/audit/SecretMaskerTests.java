package io.parx.common.audit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskerTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void propertiesNamedLikeSecretsAreMaskedInAnyCaseAndDepth() {
		JsonNode node = this.json.readTree("""
				{"name":"plc","Password":"p","nested":{"clientSecret":"s","list":[{"refreshToken":"t","port":502}]},
				 "passwordHint":null}""");
		String masked = this.json.writeValueAsString(SecretMasker.mask(node));
		assertThat(masked).doesNotContain("\"p\"", "\"s\"", "\"t\"")
			.contains("\"name\":\"plc\"", "\"Password\":\"***\"", "\"clientSecret\":\"***\"",
					"\"refreshToken\":\"***\"", "\"port\":502", "\"passwordHint\":null");
	}

}
