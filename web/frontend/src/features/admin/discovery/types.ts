import type { components } from "../../../api/generated/admin-api";

type Schemas = components["schemas"];

// The discovery answers as the admin-api's document types them (one definition in common's io.parx.common.discovery
// serves the collector and the admin-api).
export type OpcUaNode = Schemas["OpcUaNode"];
export type OpcUaBrowsePage = Schemas["OpcUaBrowsePage"];
export type TopicSeen = Schemas["MqttTopicSeen"];
export type SparkplugMetricSeen = Schemas["SparkplugMetricSeen"];
export type RegisterSurveyResult = Schemas["RegisterSurveyResult"];
export type ModbusRegister = Schemas["ModbusRegister"];
export type ChannelsCreated = Schemas["ChannelsCreated"];
export type ChannelSelection = Schemas["ChannelSelection"];
