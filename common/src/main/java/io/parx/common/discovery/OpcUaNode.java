package io.parx.common.discovery;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parx.common.config.DataType;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A node as discovery lists it.
 *
 * @param nodeId its node id, as a channel's {@code nodeId} takes it
 * @param browseName the browse name without its namespace index
 * @param displayName the display name's text
 * @param nodeClass Object or Variable (Part 3 §5.2)
 * @param dataType the variable's data type: a built-in type's name ({@code Double}) or
 * the node id of another
 * @param channelDataType the channel data type that reads it, when there is one
 * @param accessLevel the variable's access level bits by name ({@code CurrentRead},
 * {@code CurrentWrite}, ...)
 * @param value the variable's current value (number, boolean or text)
 * @param valueStatus the value's StatusCode name when it is not Good
 * @param hasChildren whether browsing it lists anything
 * @param path browse names from the search's start node, {@code /}-separated (search
 * only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "OpcUaNode", requiredProperties = { "nodeId", "browseName", "displayName", "nodeClass", "hasChildren" })
public record OpcUaNode(@Schema(example = "ns=2;s=Line1.Temperature") String nodeId, String browseName,
		String displayName, @Schema(description = "Object or Variable") String nodeClass,
		@Schema(description = "Variables: a built-in type's name (Double) or another type's node id") String dataType,
		@Schema(description = "Variables: the channel data type that reads it, absent when there is none "
				+ "(arrays, structures, DateTime)") DataType channelDataType,
		@Schema(description = "Variables: CurrentRead, CurrentWrite, HistoryRead, ...") List<String> accessLevel,
		@Schema(description = "Variables: the current value", types = {
				"number", "boolean", "string" }) Object value,
		@Schema(description = "The value's StatusCode name when it is not Good") String valueStatus,
		boolean hasChildren,
		@Schema(description = "Search only: browse names from the start node, / separated") String path){

	public OpcUaNode withPath(String path) {
		return new OpcUaNode(this.nodeId, this.browseName, this.displayName, this.nodeClass, this.dataType,
				this.channelDataType, this.accessLevel, this.value, this.valueStatus, this.hasChildren, path);
	}

}
