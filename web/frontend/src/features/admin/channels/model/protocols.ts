// The protocol settings of a channel as the admin-api validates them (ModbusTcpSettings, OpcUaSettings,
// MqttSettings, SimulatorSettings in admin-api/.../channels; docs/API.md "I/O channels"): one description per field,
// so that the form shows each default and checks what the server checks before sending.

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

const ORDERS = ["ABCD", "CDAB", "BADC", "DCBA"] as const;
const POLICIES = ["None", "Basic256Sha256", "Aes128_Sha256_RsaOaep", "Aes256_Sha256_RsaPss"] as const;

export const SETTING_FIELDS: Record<Protocol, SettingField[]> = {
  MODBUS_TCP: [
    { name: "host", label: "Host", kind: "text", required: true, maxLength: 253, hint: "name or IP address" },
    { name: "port", label: "Port", kind: "integer", defaultValue: 502, min: 1, max: 65535 },
    { name: "unitId", label: "Unit id", kind: "integer", defaultValue: 1, min: 0, max: 255 },
    {
      name: "registerType",
      label: "Register type",
      kind: "choice",
      required: true,
      choices: ["HOLDING_REGISTER", "INPUT_REGISTER", "COIL", "DISCRETE_INPUT"],
    },
    {
      name: "address",
      label: "Address",
      kind: "integer",
      required: true,
      min: 0,
      max: 65535,
      hint: "0-based PDU address: holding register 400001 is 0",
    },
    { name: "byteOrder", label: "Byte order", kind: "choice", defaultValue: "ABCD", choices: ORDERS },
    { name: "wordOrder", label: "Word order", kind: "choice", defaultValue: "ABCD", choices: ORDERS },
    {
      name: "stringLength",
      label: "String length (registers)",
      kind: "integer",
      required: true,
      min: 1,
      max: 125,
      when: (_, dataType) => dataType === "STRING",
    },
    { name: "timeoutMs", label: "Timeout (ms)", kind: "integer", defaultValue: 3000, min: 1, max: 60000 },
    {
      name: "maxRegistersPerRequest",
      label: "Max registers per request",
      kind: "integer",
      defaultValue: 125,
      min: 1,
      max: 125,
    },
    { name: "maxGap", label: "Max gap (registers)", kind: "integer", defaultValue: 10, min: 0, max: 125 },
  ],
  OPCUA: [
    {
      name: "endpointUrl",
      label: "Endpoint URL",
      kind: "text",
      required: true,
      maxLength: 2000,
      hint: "opc.tcp://host:4840",
    },
    {
      name: "nodeId",
      label: "Node id",
      kind: "text",
      required: true,
      maxLength: 4200,
      hint: "ns=2;s=Line1.Temp, i=85, ns=1;g=…, ns=1;b=…",
    },
    { name: "securityPolicy", label: "Security policy", kind: "choice", defaultValue: "None", choices: POLICIES },
    {
      name: "securityMode",
      label: "Security mode",
      kind: "choice",
      defaultValue: "None",
      choices: ["None", "Sign", "SignAndEncrypt"],
    },
    {
      name: "authentication",
      label: "Authentication",
      kind: "choice",
      defaultValue: "ANONYMOUS",
      choices: ["ANONYMOUS", "USERNAME"],
    },
    {
      name: "username",
      label: "User name",
      kind: "text",
      required: true,
      maxLength: 200,
      when: (s) => s.authentication === "USERNAME",
    },
    {
      name: "password",
      label: "Password",
      kind: "password",
      maxLength: 1000,
      when: (s) => s.authentication === "USERNAME",
    },
    {
      name: "samplingIntervalMs",
      label: "Sampling interval (ms)",
      kind: "integer",
      defaultValue: 1000,
      min: 0,
      max: 3600000,
    },
    { name: "deadband", label: "Deadband", kind: "number", defaultValue: 0, min: 0 },
  ],
  MQTT: [
    {
      name: "brokerUrl",
      label: "Broker URL",
      kind: "text",
      required: true,
      maxLength: 2000,
      hint: "tcp://host:1883 or ssl://host:8883",
    },
    { name: "topic", label: "Topic", kind: "text", required: true, maxLength: 1000, hint: "+ and # as whole levels" },
    { name: "qos", label: "QoS", kind: "integer", defaultValue: 1, min: 0, max: 2 },
    {
      name: "payloadFormat",
      label: "Payload format",
      kind: "choice",
      defaultValue: "NUMBER",
      choices: ["NUMBER", "BOOLEAN", "STRING", "JSON"],
    },
    {
      name: "valuePointer",
      label: "Value pointer",
      kind: "text",
      maxLength: 1000,
      hint: "JSON Pointer, e.g. /data/value (whole document when empty)",
      when: (s) => s.payloadFormat === "JSON",
    },
    {
      name: "timestampPointer",
      label: "Timestamp pointer",
      kind: "text",
      maxLength: 1000,
      hint: "JSON Pointer, e.g. /data/time",
      when: (s) => s.payloadFormat === "JSON",
    },
    { name: "clientId", label: "Client id", kind: "text", maxLength: 256 },
    { name: "username", label: "User name", kind: "text", maxLength: 200 },
    { name: "password", label: "Password", kind: "password", maxLength: 1000 },
  ],
  SIMULATOR: [
    {
      name: "waveform",
      label: "Waveform",
      kind: "choice",
      required: true,
      choices: ["SINE", "RAMP", "SQUARE", "RANDOM_WALK", "COUNTER"],
    },
    { name: "amplitude", label: "Amplitude", kind: "number", defaultValue: 1, min: 0 },
    { name: "periodMs", label: "Period (ms)", kind: "integer", defaultValue: 60000, min: 1, max: 86400000 },
    { name: "offset", label: "Offset", kind: "number", defaultValue: 0 },
  ],
};

/** The fields of the protocol that apply to these settings. */
export function applicableFields(protocol: Protocol, settings: Settings, dataType: string): SettingField[] {
  return SETTING_FIELDS[protocol].filter((field) => !field.when || field.when(settings, dataType));
}
