// The protocol settings of a channel as the admin-api validates them: the oneOf alternatives of ChannelSettings in its
// OpenAPI document (built from common's io.parx.common.config.channel), generated into settingsSchemas.ts by
// scripts/api-types.mjs, so that the form shows each default and checks what the server checks before sending.
import { SETTINGS_SCHEMAS } from "../../../../api/generated/settingsSchemas";
import type { PropertySchema, SettingsSchema } from "../../../../api/settingsSchema";

export const PROTOCOLS = ["MODBUS_TCP", "OPCUA", "MQTT", "SIMULATOR"] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export const PROTOCOL_LABELS: Record<Protocol, string> = {
  MODBUS_TCP: "Modbus TCP",
  OPCUA: "OPC UA",
  MQTT: "MQTT",
  SIMULATOR: "Simulator",
};

export const DATA_TYPES = [
  "BOOL",
  "INT16",
  "UINT16",
  "INT32",
  "UINT32",
  "INT64",
  "FLOAT32",
  "FLOAT64",
  "STRING",
] as const;
export type DataType = (typeof DATA_TYPES)[number];

/** Registers a value of the data type spans (Modbus), as the collector reads it. */
export const REGISTERS: Record<DataType, number> = {
  BOOL: 1,
  INT16: 1,
  UINT16: 1,
  INT32: 2,
  UINT32: 2,
  INT64: 4,
  FLOAT32: 2,
  FLOAT64: 4,
  STRING: 1,
};

export interface SettingField {
  name: string;
  label: string;
  kind: "text" | "integer" | "number" | "choice" | "password";
  /** Shown as placeholder and used when the field is left empty; absent: the field is required (or optional). */
  defaultValue?: string | number;
  required?: boolean;
  choices?: readonly string[];
  min?: number;
  max?: number;
  maxLength?: number;
  hint?: string;
  /** Whether the field applies, given the other settings and the data type. */
  when?: (settings: Settings, dataType: string) => boolean;
}

export type Settings = Record<string, unknown>;

const SCHEMA_OF: Record<Protocol, keyof typeof SETTINGS_SCHEMAS> = {
  MODBUS_TCP: "ModbusTcpSettings",
  OPCUA: "OpcUaSettings",
  MQTT: "MqttSettings",
  SIMULATOR: "SimulatorSettings",
};

/** What the form adds to a property of the schema: its label, when it applies, a shorter hint. */
type FieldUi = Pick<SettingField, "label"> & Partial<Pick<SettingField, "hint" | "when" | "required">>;

/** The fields of a protocol in form order: type, default, limits and choices from the OpenAPI schema. */
function fieldsOf(protocol: Protocol, ui: Record<string, FieldUi>): SettingField[] {
  const schema: SettingsSchema = SETTINGS_SCHEMAS[SCHEMA_OF[protocol]];
  return Object.entries(ui).map(([name, extra]) => {
    const property: PropertySchema | undefined = schema.properties[name];
    if (!property) throw new Error(`${SCHEMA_OF[protocol]} has no property ${name}`);
    return {
      name,
      kind: kindOf(property),
      defaultValue: typeof property.default === "boolean" ? String(property.default) : property.default,
      required: schema.required.includes(name),
      choices: property.type === "boolean" ? ["false", "true"] : property.enum,
      min: property.minimum,
      max: property.maximum,
      maxLength: property.maxLength,
      hint: property.description,
      ...extra,
    };
  });
}

function kindOf(property: PropertySchema): SettingField["kind"] {
  if (property.enum || property.type === "boolean") return "choice";
  if (property.writeOnly) return "password";
  if (property.type === "integer" || property.type === "number") return property.type;
  return "text";
}

/** The settings of the protocol the form shows (all but the read-only passwordSet). */
export function schemaFieldNames(protocol: Protocol): string[] {
  const schema: SettingsSchema = SETTINGS_SCHEMAS[SCHEMA_OF[protocol]];
  return Object.entries(schema.properties)
    .filter(([, property]) => !property.readOnly)
    .map(([name]) => name);
}

/** Writing values back to the device (Modbus, OPC UA, MQTT): the limits apply to numbers only. */
const writing = (s: Settings) => String(s.writable) === "true";
/** Sparkplug B channels name group, edge node, device and metric instead of a topic (the collector subscribes per edge node). */
const sparkplug = (s: Settings) => s.payloadFormat === "SPARKPLUG_B";
const WRITE_ACCESS: Record<string, FieldUi> = {
  writable: { label: "Writable" },
  operatorWritable: { label: "Operators may write", when: writing },
  writeMin: { label: "Write minimum", when: (s, dataType) => writing(s) && dataType !== "BOOL" },
  writeMax: { label: "Write maximum", when: (s, dataType) => writing(s) && dataType !== "BOOL" },
};

export const SETTING_FIELDS: Record<Protocol, SettingField[]> = {
  MODBUS_TCP: fieldsOf("MODBUS_TCP", {
    host: { label: "Host", hint: "name or IP address" },
    port: { label: "Port" },
    unitId: { label: "Unit id" },
    registerType: { label: "Register type" },
    address: { label: "Address", hint: "0-based PDU address: holding register 400001 is 0" },
    byteOrder: { label: "Byte order" },
    wordOrder: { label: "Word order" },
    stringLength: {
      label: "String length (registers)",
      required: true,
      hint: undefined,
      when: (_, dataType) => dataType === "STRING",
    },
    timeoutMs: { label: "Timeout (ms)" },
    maxRegistersPerRequest: { label: "Max registers per request" },
    maxGap: { label: "Max gap (registers)" },
    ...WRITE_ACCESS,
  }),
  OPCUA: fieldsOf("OPCUA", {
    endpointUrl: { label: "Endpoint URL", hint: "opc.tcp://host:4840" },
    nodeId: { label: "Node id", hint: "ns=2;s=Line1.Temp, i=85, ns=1;g=…, ns=1;b=…" },
    securityPolicy: { label: "Security policy" },
    securityMode: { label: "Security mode" },
    authentication: { label: "Authentication", hint: undefined },
    username: { label: "User name", required: true, hint: undefined, when: (s) => s.authentication === "USERNAME" },
    password: { label: "Password", hint: undefined, when: (s) => s.authentication === "USERNAME" },
    samplingIntervalMs: { label: "Sampling interval (ms)" },
    deadband: { label: "Deadband" },
    ...WRITE_ACCESS,
  }),
  MQTT: fieldsOf("MQTT", {
    brokerUrl: { label: "Broker URL" },
    topic: { label: "Topic", required: true, when: (s) => !sparkplug(s) },
    qos: { label: "QoS" },
    payloadFormat: { label: "Payload format" },
    groupId: { label: "Sparkplug group id", required: true, hint: undefined, when: sparkplug },
    edgeNodeId: { label: "Edge node id", required: true, hint: undefined, when: sparkplug },
    deviceId: { label: "Device id", hint: "empty: a metric of the edge node itself", when: sparkplug },
    metricName: { label: "Metric name", required: true, hint: "as the birth certificate names it", when: sparkplug },
    valuePointer: {
      label: "Value pointer",
      hint: "JSON Pointer, e.g. /data/value (whole document when empty)",
      when: (s) => s.payloadFormat === "JSON",
    },
    timestampPointer: {
      label: "Timestamp pointer",
      hint: "JSON Pointer, e.g. /data/time",
      when: (s) => s.payloadFormat === "JSON",
    },
    clientId: { label: "Client id" },
    username: { label: "User name", hint: undefined },
    password: { label: "Password", hint: undefined },
    ...WRITE_ACCESS,
    writeTopic: { label: "Write topic", when: (s) => writing(s) && !sparkplug(s) },
  }),
  SIMULATOR: fieldsOf("SIMULATOR", {
    waveform: { label: "Waveform" },
    amplitude: { label: "Amplitude" },
    periodMs: { label: "Period (ms)" },
    offset: { label: "Offset" },
  }),
};

/** The fields of the protocol that apply to these settings. */
export function applicableFields(protocol: Protocol, settings: Settings, dataType: string): SettingField[] {
  return SETTING_FIELDS[protocol].filter((field) => !field.when || field.when(settings, dataType));
}
