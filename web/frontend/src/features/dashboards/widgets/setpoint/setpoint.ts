// What a setpoint widget offers and says, as pure functions of the channel, the user and the typed text. The admin-api
// decides every write (ChannelWriter: enabled, writable, role, type and limits, in that order); these mirror its rules
// so that the console offers only what the server will take and says why not before anyone types.
import type { Channel, WriteResult, WriteSettings, WriteValue } from "../../../channels";
import type { Me } from "../../../../lib/auth/useMe";
import { ApiError, describeError } from "../../../../lib/api/problem";

/** How a value is entered: a number, on/off, or text. */
export type Entry = "number" | "toggle" | "text";

export interface Limits {
  min?: number;
  max?: number;
}

export type Writability = { writable: true; limits: Limits } | { writable: false; reason: string };

/** Words for true and false (the widget's labels, else on/off). */
export interface Labels {
  on?: string;
  off?: string;
}

export function entryOf(channel: Channel): Entry {
  if (channel.dataType === "BOOL") return "toggle";
  return channel.dataType === "STRING" ? "text" : "number";
}

/** Whether the user may write the channel, and why not, in the admin-api's order of checks. */
export function writability(channel: Channel, me: Me): Writability {
  const settings = channel.settings as WriteSettings;
  if (!channel.enabled) return { writable: false, reason: `${channel.name} is disabled.` };
  if (settings.writable !== true) {
    return {
      writable: false,
      reason: `${channel.name} is read-only: an engineer can allow writes in its settings.`,
    };
  }
  if (me.role === "OPERATOR" && settings.operatorWritable !== true) {
    return { writable: false, reason: `Only engineers and administrators may write ${channel.name}.` };
  }
  // a limit stored as null is no limit, as for the server
  return { writable: true, limits: { min: settings.writeMin ?? undefined, max: settings.writeMax ?? undefined } };
}

/** "0 to 1000 °C", "at least 0 °C", "at most 1000 °C", or "none". */
export function describeLimits({ min, max }: Limits, unit: string): string {
  const u = unit ? ` ${unit}` : "";
  if (min !== undefined && max !== undefined) return `${min} to ${max}${u}`;
  if (min !== undefined) return `at least ${min}${u}`;
  if (max !== undefined) return `at most ${max}${u}`;
  return "none";
}

export type Parsed = { ok: true; value: WriteValue } | { ok: false; error: string };

/** The typed text as the value to send, or what is wrong with it (empty, not a number, outside the limits). */
export function parseEntry(text: string, entry: Entry, limits: Limits, unit: string): Parsed {
  if (entry === "text") return text.length > 0 ? { ok: true, value: text } : { ok: false, error: "Enter a text." };
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: "Enter a value." };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, error: "Enter a number." };
  const u = unit ? ` ${unit}` : "";
  if (limits.min !== undefined && value < limits.min) return { ok: false, error: `At least ${limits.min}${u}.` };
  if (limits.max !== undefined && value > limits.max) return { ok: false, error: `At most ${limits.max}${u}.` };
  return { ok: true, value };
}

/** A value as the user reads it, exactly as sent: "72.5 °C", "on" (or the widget's label), “open”. */
export function formatWrite(value: WriteValue | null, unit: string, labels: Labels = {}): string {
  if (value === null) return "—";
  if (typeof value === "boolean") return value ? (labels.on ?? "on") : (labels.off ?? "off");
  if (typeof value === "string") return `“${value}”`;
  return unit ? `${value} ${unit}` : String(value);
}

/** "Write 72.5 °C to Furnace setpoint?" */
export function confirmQuestion(value: WriteValue, channel: Channel, labels: Labels = {}): string {
  return `Write ${formatWrite(value, channel.unit, labels)} to ${channel.name}?`;
}

/** The end of a write as the widget shows it: good, a warning (read back differs or failed), or bad. */
export interface Outcome {
  tone: "good" | "warning" | "bad";
  text: string;
}

/** What the device did with a write the admin-api answered with 200. */
export function succeeded(result: WriteResult, unit: string, labels: Labels = {}): Outcome {
  const written = `Written ${formatWrite(result.written, unit, labels)}`;
  if (result.readBack === null) {
    return result.readBackError
      ? { tone: "warning", text: `${written}; it could not be read back: ${result.readBackError}.` }
      : { tone: "good", text: `${written} (published: this protocol is not read back; the live value follows).` };
  }
  if (!sameValue(result.written, result.readBack)) {
    const readBack = formatWrite(result.readBack, unit, labels);
    return { tone: "warning", text: `${written}, but read back ${readBack}: the device changed or limited it.` };
  }
  // equal as far as the device's type holds it: 72.1 in a FLOAT32 reads back as 72.09999847
  return { tone: "good", text: `${written}, read back ${formatWrite(result.written, unit, labels)}.` };
}

/**
 * Why a write failed, in the server's words: the message of the field a 400 names, else the problem's detail. A
 * device that did not answer may hold the value all the same, and a write whose audit entry failed was sent.
 */
export function failed(error: unknown): Outcome {
  if (!(error instanceof ApiError)) return { tone: "bad", text: `Not written: ${describeError(error)}` };
  const { problem, status } = error;
  const field = problem.errors?.find((e) => e.field === "value") ?? problem.errors?.[0];
  const message = field?.message ?? problem.detail ?? problem.title ?? error.message;
  if (problem.type === "/problems/device-timeout") return { tone: "bad", text: `Outcome unknown: ${message}` };
  if (problem.type === "/problems/audit-unavailable") return { tone: "warning", text: message };
  return { tone: "bad", text: `Not written (${status}): ${message}` };
}

/** Whether the value read back is the one written, within what a FLOAT32 register holds (about 7 digits). */
function sameValue(written: WriteValue, readBack: WriteValue): boolean {
  if (typeof written === "number" && typeof readBack === "number") {
    return Math.abs(written - readBack) <= 1e-6 * Math.max(1, Math.abs(written));
  }
  return written === readBack;
}
