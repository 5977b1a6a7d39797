// A sample's quality is an OPC UA StatusCode (OPC UA Part 4 §7.39): the top two bits are the severity
// (00 good, 01 uncertain, 10 bad), the next 14 bits the sub-code that names it.

export type Severity = "good" | "uncertain" | "bad";

export function severityOf(quality: number): Severity {
  const top = (quality >>> 30) & 0b11;
  if (top === 0) return "good";
  if (top === 1) return "uncertain";
  return "bad";
}

// The codes ParX produces (docs/CONTRACTS.md) and the ones OPC UA servers send most; others show as hex.
const NAMES: Record<number, string> = {
  0x00000000: "Good",
  0x40900000: "Uncertain_LastUsableValue",
  0x40000000: "Uncertain",
  0x408f0000: "Uncertain_SubNormal",
  0x80000000: "Bad",
  0x80050000: "Bad_CommunicationError",
  0x800a0000: "Bad_Timeout",
  0x80310000: "Bad_NoCommunication",
  0x803c0000: "Bad_OutOfRange",
  0x80890000: "Bad_ConfigurationError",
  0x808a0000: "Bad_NotConnected",
  0x808b0000: "Bad_DeviceFailure",
  0x808c0000: "Bad_SensorFailure",
  0x80320000: "Bad_WaitingForInitialData",
  0x80340000: "Bad_NodeIdUnknown",
  0x80740000: "Bad_TypeMismatch",
};

/** The StatusCode's name; unknown codes by severity and hex, e.g. "Bad (0x80AB0000)". */
export function qualityName(quality: number): string {
  const code = quality >>> 0;
  const known = NAMES[code] ?? NAMES[(code & 0xffff0000) >>> 0];
  if (known) return known;
  const severity = severityOf(code);
  const label = severity.charAt(0).toUpperCase() + severity.slice(1);
  return `${label} (0x${code.toString(16).toUpperCase().padStart(8, "0")})`;
}
