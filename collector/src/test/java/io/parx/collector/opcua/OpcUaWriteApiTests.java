package io.parx.collector.opcua;

import java.net.http.HttpResponse;

import io.parx.collector.support.ChannelWriteApi;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes through {@code POST /api/v1/collector/write} to a Milo OPC UA server: the node
 * holds the value afterwards, in the built-in type of the channel's data type.
 */
class OpcUaWriteApiTests extends ChannelWriteApi {

	@Test
	void aWritableNodeIsWrittenAndReadBack() throws Exception {
		try (TestOpcUaServer server = TestOpcUaServer.start()) {
			String temperature = channel(1, "FLOAT64", 1, 0, "OPCUA", settings(server, "Temperature", true));
			HttpResponse<String> response = write("ENGINEER", temperature, "65.5");
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode result = json(response);
			assertThat(result.path("qualityName").asString()).isEqualTo("Good");
			assertThat(result.path("previous").asDouble()).isEqualTo(20.0);
			assertThat(result.path("written").asDouble()).isEqualTo(65.5);
			assertThat(result.path("readBack").asDouble()).isEqualTo(65.5);
			assertThat(server.get("Temperature")).isEqualTo(65.5);

			// an Int32 node with scale 2 and offset 1: (85 - 1) / 2 = 42
			String counter = channel(2, "INT32", 2, 1, "OPCUA", settings(server, "Counter", true));
			assertThat(json(write("ADMIN", counter, "85")).path("readBack").asDouble()).isEqualTo(85.0);
			assertThat(server.get("Counter")).isEqualTo(42);

			String running = channel(3, "BOOL", 1, 0, "OPCUA", settings(server, "Running", true));
			assertThat(json(write("ENGINEER", running, "true")).path("readBack").asBoolean()).isTrue();
			assertThat(server.get("Running")).isEqualTo(true);
		}
	}

	@Test
	void aNodeOfAChannelThatIsNotWritableKeepsItsValue() throws Exception {
		try (TestOpcUaServer server = TestOpcUaServer.start()) {
			String readOnly = channel(1, "FLOAT64", 1, 0, "OPCUA", settings(server, "Temperature", false));
			HttpResponse<String> response = write("ADMIN", readOnly, "99");
			assertThat(response.statusCode()).isEqualTo(409);
			assertThat(json(response).path("type").asString()).isEqualTo("/problems/not-writable");
			assertThat(server.get("Temperature")).isEqualTo(20.0);
		}
	}

	@Test
	void aServerThatRefusesTheWriteIsABadQualityWithItsStatus() throws Exception {
		try (TestOpcUaServer server = TestOpcUaServer.start()) {
			String missing = channel(1, "FLOAT64", 1, 0, "OPCUA",
					"{\"endpointUrl\":\"" + server.url() + "\",\"nodeId\":\"ns=1;s=Nope\",\"writable\":true}");
			JsonNode result = json(write("ENGINEER", missing, "1"));
			assertThat(result.path("quality").asLong()).isEqualTo(StatusCodes.Bad_NodeIdUnknown);
			assertThat(result.path("error").asString()).contains("refused the write");
			assertThat(result.path("written").isNull()).isTrue();
		}
	}

	private static String settings(TestOpcUaServer server, String variable, boolean writable) {
		return "{\"endpointUrl\":\"" + server.url() + "\",\"nodeId\":\"" + server.nodeId(variable) + "\""
				+ (writable ? ",\"writable\":true" : "") + "}";
	}

}
