// A channel being edited in the form: every input as the text the user typed, turned into the admin-api's
// ChannelRequest on save. validateDraft checks what the admin-api checks (ChannelDraft and the protocol settings
// classes), with the same field names ("settings.address") and, where it matters, the same messages, so the form
// catches mistakes before the round trip; the server stays the authority and its answer lands at the same fields.
import type { Channel, ChannelRequest } from "../types";
import {
  applicableFields,
  type DataType,
  type Protocol,
  REGISTERS,
  SETTING_FIELDS,
  type SettingField,
} from "./protocols";

export interface ChannelDraft {
  name: string;
  description: string;
  unit: string;
  dataType: DataType | "";
  scale: string;
  offset: string;
  pollIntervalMs: string;
  enabled: boolean;
  collector: string;
  /** Separated by commas. */
  tags: string;
  protocol: Protocol;
  settings: Record<string, string>;
}

export type FieldErrors = Record<string, string>;

export function emptyDraft(protocol: Protocol = "MODBUS_TCP"): ChannelDraft {
  return {
    name: "",
    description: "",
    unit: "",
    dataType: "",
    scale: "",
    offset: "",
    pollIntervalMs: "",
    enabled: true,
    collector: "",
    tags: "",
    protocol,
    settings: {},
  };
}

/** The form's text of a stored channel (secrets are never read; an empty password keeps the stored one). */
export function draftOf(channel: Channel): ChannelDraft {
  const settings: Record<string, string> = {};
  for (const [key, value] of Object.entries(channel.settings ?? {})) {
    if (key === "passwordSet" || value === null || value === undefined) continue;
    settings[key] = String(value);
  }
  return {
    name: channel.name,
    description: channel.description ?? "",
    unit: channel.unit ?? "",
    dataType: channel.dataType as DataType,
    scale: String(channel.scale),
    offset: String(channel.offset),
    pollIntervalMs: String(channel.pollIntervalMs),
    enabled: channel.enabled,
    collector: channel.collector ?? "",
    tags: (channel.tags ?? []).join(", "),
    protocol: channel.protocol as Protocol,
    settings,
  };
}

export function tagsOf(text: string): string[] {
  return text
    .split(",")
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

/**
 * The request body: empty inputs are left out so that the server applies its defaults; settings of another
 * protocol, or that do not apply (a username without USERNAME authentication), are dropped.
 */
export function requestOf(draft: ChannelDraft, version?: number): ChannelRequest {
  const settings: Record<string, unknown> = {};
  const fields = applicableFields(draft.protocol, draft.settings, draft.dataType);
  for (const field of fields) {
    const text = draft.settings[field.name];
    if (text === undefined || text === "") continue;
    settings[field.name] = field.kind === "integer" || field.kind === "number" ? Number(text.trim()) : text.trim();
  }
  const request: ChannelRequest = {
    name: draft.name,
    description: draft.description,
    unit: draft.unit,
    dataType: draft.dataType as DataType,
    enabled: draft.enabled,
    collector: draft.collector.trim() === "" ? null : draft.collector.trim(),
    tags: tagsOf(draft.tags),
    protocol: draft.protocol,
    settings,
  };
  if (draft.scale.trim() !== "") request.scale = Number(draft.scale);
  if (draft.offset.trim() !== "") request.offset = Number(draft.offset);
  if (draft.pollIntervalMs.trim() !== "") request.pollIntervalMs = Number(draft.pollIntervalMs);
  if (version !== undefined) request.version = version;
  return request;
}

const NAME = /^[\p{L}\p{N}_.:/\- ]+$/u;
const HOST =
  /^((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[?[0-9A-Fa-f:.]+]?)$/;
const NODE_ID = /^(ns=\d+;)?([isgb])=.+$/;
const JSON_POINTER = /^(\/([^~/]|~[01])*)*$/;
const NUMERIC: readonly string[] = ["INT16", "UINT16", "INT32", "UINT32", "INT64", "FLOAT32", "FLOAT64"];

/** Every problem the server would report, by field name ("name", "settings.address"). */
export function validateDraft(draft: ChannelDraft): FieldErrors {
  const errors: FieldErrors = {};
  const reject = (field: string, message: string) => {
    if (!errors[field]) errors[field] = message;
  };
  const name = draft.name;
  if (name.trim() === "") reject("name", "is required");
  else if (name.length > 200) reject("name", "must be at most 200 characters");
  else if (!NAME.test(name) || name !== name.trim())
    reject("name", "may contain letters, digits, space and _ . : / - only, without leading or trailing space");
  if (draft.description.length > 2000) reject("description", "must be at most 2000 characters");
  if (draft.unit.length > 50) reject("unit", "must be at most 50 characters");
  if (!draft.dataType) reject("dataType", "is required");
  const numeric = draft.dataType === "" || NUMERIC.includes(draft.dataType);
  const scale = checkNumber(draft.scale, -Number.MAX_VALUE, Number.MAX_VALUE, false);
  if (scale.error) reject("scale", scale.error);
  else if (scale.value === 0) reject("scale", "must not be 0");
  else if (!numeric && scale.value !== undefined && scale.value !== 1)
    reject("scale", "applies only to numeric data types");
  const offset = checkNumber(draft.offset, -Number.MAX_VALUE, Number.MAX_VALUE, false);
  if (offset.error) reject("offset", offset.error);
  else if (!numeric && offset.value !== undefined && offset.value !== 0)
    reject("offset", "applies only to numeric data types");
  const poll = checkNumber(draft.pollIntervalMs, 10, 86_400_000, true);
  if (poll.error) reject("pollIntervalMs", poll.error);
  if (draft.collector.length > 100) reject("collector", "must be at most 100 characters");
  const tags = tagsOf(draft.tags);
  if (tags.length > 50) reject("tags", "must have at most 50 items");
  if (tags.some((tag) => tag.length > 100)) reject("tags", "items must be 1 to 100 characters");
  const fields = applicableFields(draft.protocol, draft.settings, draft.dataType);
  for (const field of fields) {
    const message = checkSetting(field, draft.settings[field.name] ?? "");
    if (message) reject(`settings.${field.name}`, message);
  }
  for (const [field, message] of Object.entries(protocolRules(draft))) {
    if (!errors[field]) reject(field, message);
  }
  return errors;
}

function checkSetting(field: SettingField, text: string): string | null {
  const value = text.trim();
  if (value === "") return field.required && field.kind !== "password" ? "is required" : null;
  if (field.maxLength !== undefined && text.length > field.maxLength)
    return `must be at most ${field.maxLength} characters`;
  if (field.kind === "integer" || field.kind === "number") {
    const checked = checkNumber(
      value,
      field.min ?? -Number.MAX_VALUE,
      field.max ?? Number.MAX_VALUE,
      field.kind === "integer",
    );
    return checked.error ?? null;
  }
  if (field.kind === "choice" && field.choices && !field.choices.includes(value))
    return `must be one of [${field.choices.join(", ")}]`;
  return null;
}

function checkNumber(text: string, min: number, max: number, whole: boolean): { value?: number; error?: string } {
  const value = text.trim();
  if (value === "") return {};
  const number = Number(value);
  if (!Number.isFinite(number)) return { error: whole ? "must be a whole number" : "must be a finite number" };
  if (whole && !Number.isInteger(number)) return { error: "must be a whole number" };
  if (number < min || number > max) return { error: `must be between ${format(min)} and ${format(max)}` };
  return { value: number };
}

function format(bound: number): string {
  if (bound === Number.MAX_VALUE) return "1.7976931348623157E308";
  if (bound === -Number.MAX_VALUE) return "-1.7976931348623157E308";
  return bound % 1 === 0 ? String(bound) : String(bound);
}

/** Rules across fields of one protocol. */
function protocolRules(draft: ChannelDraft): FieldErrors {
  const s = draft.settings;
  const errors: FieldErrors = {};
  const text = (name: string) => (s[name] ?? "").trim();
  switch (draft.protocol) {
    case "MODBUS_TCP": {
      if (text("host") && !HOST.test(text("host"))) errors["settings.host"] = "must be a host name or an IP address";
      const type = text("registerType");
      const bit = type === "COIL" || type === "DISCRETE_INPUT";
      if (bit && draft.dataType && draft.dataType !== "BOOL")
        errors["settings.registerType"] = `${type} holds single bits: the channel's data type must be BOOL`;
      const address = Number(text("address"));
      if (text("address") !== "" && Number.isInteger(address) && address >= 0 && address <= 65535 && draft.dataType) {
        const count = bit
          ? 1
          : draft.dataType === "STRING"
            ? Number(text("stringLength")) || 1
            : REGISTERS[draft.dataType];
        if (address + count - 1 > 65535)
          errors["settings.address"] = `the value spans ${count} registers and runs past address 65535 (0-based)`;
      }
      break;
    }
    case "OPCUA": {
      if (text("endpointUrl") && !/^opc\.tcp:\/\/[^/:\s]+/.test(text("endpointUrl")))
        errors["settings.endpointUrl"] = "must be an opc.tcp://host:port URL";
      if (text("nodeId") && !NODE_ID.test(text("nodeId")))
        errors["settings.nodeId"] = "must be a NodeId like ns=2;s=Line1.Temp or i=85";
      const policy = text("securityPolicy") || "None";
      const mode = text("securityMode") || "None";
      if ((policy === "None") !== (mode === "None"))
        errors["settings.securityMode"] = "must be None exactly when securityPolicy is None";
      break;
    }
    case "MQTT": {
      if (text("brokerUrl") && !/^(tcp|ssl):\/\/[^/:\s]+(:\d+)?\/?$/.test(text("brokerUrl")))
        errors["settings.brokerUrl"] = "must be a tcp://host:port or ssl://host:port URL";
      if (text("payloadFormat") === "SPARKPLUG_B") {
        // as SparkplugMetric.idProblem: each id is one level of spBv1.0/<group>/<type>/<edge node>/<device>
        for (const id of ["groupId", "edgeNodeId", "deviceId"])
          if (/[/+#]/.test(text(id))) errors[`settings.${id}`] = "must be one topic level, without / + or #";
      } else {
        const topicProblem = topicFilterProblem(text("topic"));
        if (topicProblem) errors["settings.topic"] = topicProblem;
      }
      for (const pointer of ["valuePointer", "timestampPointer"]) {
        if ((s.payloadFormat ?? "") === "JSON" && text(pointer) && !JSON_POINTER.test(text(pointer)))
          errors[`settings.${pointer}`] =
            `must be a JSON Pointer (RFC 6901) like /data/${pointer === "valuePointer" ? "value" : "time"}`;
      }
      if (text("payloadFormat") === "BOOLEAN" && draft.dataType && draft.dataType !== "BOOL")
        errors["settings.payloadFormat"] = "BOOLEAN payloads need data type BOOL";
      break;
    }
    case "SIMULATOR":
      break;
  }
  return errors;
}

/** As MqttSettings.topicFilterProblem. */
function topicFilterProblem(topic: string): string | null {
  if (topic === "") return null;
  const levels = topic.split("/");
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i];
    if (level.includes("#") && (level !== "#" || i !== levels.length - 1))
      return "'#' must be a whole level and the last one, e.g. plant/line1/#";
    if (level.includes("+") && level !== "+") return "'+' must be a whole level, e.g. plant/+/temp";
  }
  return null;
}

/** The protocols' field names, for tests and the settings that survive a change of protocol. */
export function settingNames(protocol: Protocol): string[] {
  return SETTING_FIELDS[protocol].map((field) => field.name);
}
