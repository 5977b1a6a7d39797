// What a discovery found, as something the engineer can pick: either into the channel form (one item) or as a
// selection that becomes many channels at once (POST /api/v1/io/discovery/channels, the admin-api's ChannelSelection).
import { type ChannelDraft, requestOf } from "../../channels/model/draft";
import type { DataType } from "../../channels/model/protocols";
import type { ChannelSelection, ModbusRegister, OpcUaNode, SparkplugMetricSeen, TopicSeen } from "../types";
import type { DiscoveryProtocol } from "./connection";

export interface DiscoveredItem {
  /** Unique within one dialog: node id, topic and pointer, metric path, register with type and order. */
  key: string;
  /** The name a channel gets when the form has none (valid as a channel name). */
  name: string;
  /** The channel data type that reads it. */
  dataType: DataType;
  /** The settings it gives the form, as the form's text. */
  settings: Record<string, string>;
  /** The item of a selection. */
  item: Record<string, unknown>;
}

/** The settings an item sets itself; the selection's shared settings are the form's others. */
const PER_ITEM: Record<DiscoveryProtocol, readonly string[]> = {
  OPCUA: ["nodeId"],
  MQTT: ["topic", "payloadFormat", "valuePointer", "groupId", "edgeNodeId", "deviceId", "metricName"],
  MODBUS_TCP: ["registerType", "address", "byteOrder", "wordOrder", "stringLength"],
};

/** A variable a channel can read (null for objects, arrays, structures, ...). */
export function opcUaItem(node: OpcUaNode): DiscoveredItem | null {
  if (!node.channelDataType) return null;
  return {
    key: node.nodeId,
    name: channelName(node.path || node.browseName || node.displayName),
    dataType: node.channelDataType,
    settings: { nodeId: node.nodeId },
    item: { nodeId: node.nodeId, browseName: node.browseName, path: node.path, dataType: node.dataType },
  };
}

const LEAF_TYPES: Partial<Record<string, DataType>> = { NUMBER: "FLOAT64", BOOLEAN: "BOOL", STRING: "STRING" };

/** A plain topic (pointer absent) or one leaf of a JSON topic; null when no channel can read it. */
export function mqttItem(
  topic: Pick<TopicSeen, "topic" | "payloadFormat">,
  pointer?: string,
  leafType?: string,
): DiscoveredItem | null {
  const name = topic.topic ?? "";
  const format = pointer === undefined ? topic.payloadFormat : "JSON";
  const dataType = LEAF_TYPES[(pointer === undefined ? format : leafType) ?? ""];
  if (!format || format === "SPARKPLUG_B" || !dataType) return null;
  const json = format === "JSON";
  return {
    key: `${name}#${pointer ?? ""}`,
    name: channelName(json && pointer ? `${name}${pointer}` : name),
    dataType,
    settings: { topic: name, payloadFormat: format, valuePointer: json ? (pointer ?? "") : "" },
    item: {
      topic: name,
      payloadFormat: format,
      ...(json && pointer ? { valuePointer: pointer } : {}),
      channelDataType: dataType,
    },
  };
}

export function sparkplugItem(
  groupId: string,
  edgeNodeId: string,
  deviceId: string | undefined,
  metric: Pick<SparkplugMetricSeen, "name" | "dataType">,
): DiscoveredItem | null {
  if (!metric.name || !metric.dataType) return null;
  const path = [edgeNodeId, deviceId, metric.name].filter(Boolean).join("/");
  return {
    key: `spBv1.0/${groupId}/${path}`,
    name: channelName(path),
    dataType: metric.dataType,
    settings: {
      payloadFormat: "SPARKPLUG_B",
      groupId,
      edgeNodeId,
      deviceId: deviceId ?? "",
      metricName: metric.name,
    },
    item: {
      payloadFormat: "SPARKPLUG_B",
      groupId,
      edgeNodeId,
      ...(deviceId ? { deviceId } : {}),
      metricName: metric.name,
      channelDataType: metric.dataType,
    },
  };
}

/** A register read as one data type in one byte order, or (dataType BOOL, no order) a coil or discrete input. */
export function modbusItem(
  host: string,
  registerType: string,
  register: Pick<ModbusRegister, "address" | "reference">,
  dataType: DataType,
  byteOrder?: string,
): DiscoveredItem {
  const address = register.address ?? 0;
  return {
    key: `${registerType}:${address}:${dataType}:${byteOrder ?? ""}`,
    name: channelName(`${host} ${register.reference ?? address}${byteOrder ? ` ${dataType}` : ""}`),
    dataType,
    settings: { registerType, address: String(address), byteOrder: byteOrder ?? "", wordOrder: "" },
    item: { registerType, address, channelDataType: dataType, ...(byteOrder ? { byteOrder } : {}) },
  };
}

/** The form with the item picked: its settings and data type, and its name when the form has none yet. */
export function applyItem(draft: ChannelDraft, item: DiscoveredItem): ChannelDraft {
  return {
    ...draft,
    name: draft.name.trim() === "" ? item.name : draft.name,
    dataType: item.dataType,
    settings: { ...draft.settings, ...item.settings },
  };
}

/**
 * The request that makes a channel of each item: the form's other settings and channel fields (unit, poll interval,
 * collector, tags, ...) are what the channels share.
 */
export function selectionOf(
  draft: ChannelDraft & { protocol: DiscoveryProtocol },
  items: DiscoveredItem[],
): ChannelSelection {
  const request = requestOf(draft);
  const shared = Object.fromEntries(
    Object.entries(request.settings as Record<string, unknown>).filter(
      ([name]) => !PER_ITEM[draft.protocol].includes(name),
    ),
  );
  const channel: Record<string, unknown> = { enabled: request.enabled };
  for (const field of ["description", "unit", "scale", "offset", "pollIntervalMs", "collector"] as const) {
    const value = request[field];
    if (value !== undefined && value !== null && value !== "") channel[field] = value;
  }
  if (request.tags && request.tags.length > 0) channel.tags = request.tags;
  // each kind's items as its browser made them (SelectedOpcUaNode, SelectedMqttTopic, ...)
  return {
    protocol: draft.protocol,
    settings: shared,
    channel,
    items: items.map((item) => item.item),
  } as ChannelSelection;
}

/** As the admin-api's SelectionItems.validName: letters, digits, space and _ . : / -, anything else an underscore. */
export function channelName(text: string): string {
  const cleaned = text
    .trim()
    .replace(/[^\p{L}\p{N}_.:/\- ]/gu, "_")
    .replace(/ {2,}/g, " ")
    .trim();
  return (cleaned || "node").slice(0, 194).trim();
}
