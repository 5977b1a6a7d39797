// What a discovery request needs of the channel being edited: how to reach the server (the settings a channel of the
// protocol would use), typed as the channel request types them.
import { type ChannelDraft, requestOf, validateDraft } from "../../channels/model/draft";
import type { Protocol } from "../../channels/model/protocols";

export type DiscoveryProtocol = "OPCUA" | "MQTT" | "MODBUS_TCP";

/** The settings that say how to reach the server, by protocol; the first one is required. */
const CONNECTION: Record<DiscoveryProtocol, readonly string[]> = {
  OPCUA: ["endpointUrl", "securityPolicy", "securityMode", "authentication", "username", "password"],
  MQTT: ["brokerUrl", "username", "password"],
  MODBUS_TCP: ["host", "port", "unitId", "timeoutMs"],
};

export function discoverable(protocol: Protocol): protocol is DiscoveryProtocol {
  return protocol in CONNECTION;
}

/** The connection settings the form holds, as numbers where the schema says so (empty ones left out). */
export function connectionOf(draft: ChannelDraft & { protocol: DiscoveryProtocol }): Record<string, unknown> {
  const settings = requestOf(draft).settings as Record<string, unknown>;
  return Object.fromEntries(
    CONNECTION[draft.protocol].filter((name) => settings[name] !== undefined).map((name) => [name, settings[name]]),
  );
}

/**
 * Why the form cannot browse yet (the server's address missing or a connection field the form finds wrong), or null.
 */
export function connectionProblem(draft: ChannelDraft & { protocol: DiscoveryProtocol }): string | null {
  const [address, ...rest] = CONNECTION[draft.protocol];
  if ((draft.settings[address] ?? "").trim() === "") return `Type the ${LABELS[address]} first.`;
  const errors = validateDraft(draft);
  const wrong = [address, ...rest].find((name) => errors[`settings.${name}`]);
  return wrong ? `Fix the ${LABELS[wrong] ?? wrong} first: ${errors[`settings.${wrong}`]}.` : null;
}

const LABELS: Record<string, string> = {
  endpointUrl: "endpoint URL",
  brokerUrl: "broker URL",
  host: "host",
  port: "port",
  unitId: "unit id",
  timeoutMs: "timeout",
  securityPolicy: "security policy",
  securityMode: "security mode",
  authentication: "authentication",
  username: "user name",
  password: "password",
};
