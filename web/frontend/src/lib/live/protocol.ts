// The data-router's WebSocket protocol parx.v1 (docs/API.md "Live data WebSocket").
import type { components } from "../../api/generated/storage-engine";

/** An alarm not in NORMAL, as GET /api/v1/alarms/active and the router's alarm messages carry it. */
export type ActiveAlarm = components["schemas"]["ActiveAlarm"];

/** One alarm transition, as the journal stores it and the router pushes it. */
export type AlarmTransition = components["schemas"]["AlarmJournalEntry"];

export type SampleValue = number | boolean | string;

export interface WireSample {
  channelId: number;
  /** Source time, ISO-8601 UTC with up to microseconds. */
  time: string;
  /** Absent when the reading failed; non-finite numbers arrive as "NaN", "Infinity", "-Infinity". */
  value?: SampleValue;
  /** OPC UA StatusCode, unsigned. */
  quality: number;
}

export type ServerMessage =
  | { type: "welcome"; protocol: string; user: string; tokenExpiresAt: string }
  | { type: "subscribed"; id?: string; channelIds: number[]; maxRate?: number }
  | { type: "unsubscribed"; id?: string; channelIds: number[] }
  | { type: "snapshot"; id?: string; samples: WireSample[] }
  | { type: "update"; samples: WireSample[] }
  /** One channel (a change made by an administrator) or several (the disabled channels of a subscribe). */
  | { type: "status"; channelId?: number; channelIds?: number[]; status: "disabled" | "enabled" | "deleted" }
  | { type: "pong"; id?: string; time: string }
  | { type: "auth-required"; tokenExpiresAt: string; closeAt: string }
  | { type: "authenticated"; id?: string; tokenExpiresAt: string }
  | { type: "error"; id?: string; code: string; message: string; rejected?: (number | string)[] }
  | AlarmMessage
  | { type: "alarms-unsubscribed"; id?: string };

/** What the router sends a session that subscribed to the alarms: the snapshot, then one message per transition. */
export type AlarmMessage =
  | { type: "alarms"; id?: string; active: ActiveAlarm[] }
  /** `active` is the alarm after the transition, null when it went back to NORMAL. */
  | { type: "alarm"; event: AlarmTransition; active: ActiveAlarm | null };

export type ClientMessage =
  | { type: "subscribe"; id?: string; channelIds?: number[]; tags?: string[]; maxRate?: number }
  | { type: "unsubscribe"; id?: string; channelIds?: number[]; tags?: string[] }
  | { type: "ping"; id?: string }
  | { type: "auth"; id?: string; token: string }
  | { type: "subscribe-alarms"; id?: string }
  | { type: "unsubscribe-alarms"; id?: string };

export const SUBPROTOCOL = "parx.v1";

/** Close codes (docs/API.md "Slow clients and close codes"). */
export const CLOSE = {
  normal: 1000,
  tokenExpired: 4401,
  slowConsumer: 4408,
} as const;

/**
 * Closes for a reason that reconnecting cannot cure (RFC 6455 §7.4.1: unsupported data, invalid payload, policy
 * violation, message too big, missing extension; the gateway's 4400 and 4403 for a refused handshake): the client
 * stops instead of reconnecting and resubscribing forever.
 */
export const FINAL_CLOSES: ReadonlySet<number> = new Set([1003, 1007, 1008, 1009, 1010, 4400, 4403]);

/** The channel ids a status message names. */
export function statusChannels(message: { channelId?: number; channelIds?: number[] }): number[] {
  return message.channelIds ?? (message.channelId !== undefined ? [message.channelId] : []);
}

/**
 * Milliseconds since the epoch with the microseconds as fraction: Date.parse keeps milliseconds only, and the
 * microseconds decide between two samples of the same millisecond.
 */
export function timeOf(iso: string): number {
  const match = /\.(\d+)Z$/.exec(iso);
  const micros = match ? Number((match[1] + "000000").substring(3, 6)) / 1000 : 0;
  return Date.parse(iso) + micros;
}

/** The sample's value as a number for charts; booleans as 0/1, strings and missing values as null. */
export function numeric(value: SampleValue | undefined): number | null {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value === "NaN") return NaN;
  if (value === "Infinity") return Infinity;
  if (value === "-Infinity") return -Infinity;
  return null;
}
