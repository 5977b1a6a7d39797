import type { Channel } from "../types";

/** Where a channel's value comes from, for the list: host:port, the OPC UA endpoint, the MQTT broker and topic. */
export function deviceOf(channel: Channel): string {
  const s = channel.settings as Record<string, unknown>;
  switch (channel.protocol) {
    case "MODBUS_TCP":
      return `${String(s.host)}:${String(s.port ?? 502)} · ${registerLabel(s)}`;
    case "OPCUA":
      return `${String(s.endpointUrl)} · ${String(s.nodeId)}`;
    case "MQTT":
      return `${String(s.brokerUrl)} · ${String(s.topic)}`;
    case "SIMULATOR":
      return `simulator · ${String(s.waveform ?? "").toLowerCase()}`;
    default:
      return "";
  }
}

const TABLES: Record<string, string> = {
  COIL: "coil",
  DISCRETE_INPUT: "input",
  INPUT_REGISTER: "IR",
  HOLDING_REGISTER: "HR",
};

function registerLabel(s: Record<string, unknown>): string {
  return `${TABLES[String(s.registerType)] ?? String(s.registerType)} ${String(s.address)}`;
}
