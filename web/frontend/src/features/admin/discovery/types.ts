import type { components as Admin } from "../../../api/generated/admin-api";
import type { components as Collector } from "../../../api/generated/collector";

// The admin-api forwards the MQTT, Sparkplug B and Modbus surveys as the collector answers them, so their answers
// are typed by the collector's document; OPC UA browse and search by the admin-api's own.
export type OpcUaNode = Admin["schemas"]["DiscoveredOpcUaNode"];
export type OpcUaBrowsePage = Admin["schemas"]["OpcUaBrowsePage"];
export type OpcUaSearchResult = Admin["schemas"]["OpcUaSearchResult"];
export type TopicSurveyResult = Collector["schemas"]["TopicSurveyResult"];
export type TopicSeen = Collector["schemas"]["MqttTopicSeen"];
export type SparkplugSurveyResult = Collector["schemas"]["SparkplugSurveyResult"];
export type SparkplugMetricSeen = Collector["schemas"]["SparkplugMetricSeen"];
export type RegisterSurveyResult = Collector["schemas"]["RegisterSurveyResult"];
export type ModbusRegister = Collector["schemas"]["ModbusRegister"];
export type ChannelsCreated = Admin["schemas"]["ChannelsCreated"];
