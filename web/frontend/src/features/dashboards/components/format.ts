import type { SampleValue } from "../../../lib/live/protocol";
import type { Threshold } from "../types";

/** A value as text: numbers with the widget's decimals (else up to 3), booleans by the widget's labels. */
export function formatValue(
  value: SampleValue | null | undefined,
  decimals?: number,
  labels?: { on?: string; off?: string },
): string {
  if (value === undefined || value === null) return "—";
  if (typeof value === "boolean") return value ? (labels?.on ?? "true") : (labels?.off ?? "false");
  if (typeof value === "string") return value === "NaN" || value.endsWith("Infinity") ? value : value;
  if (!Number.isFinite(value)) return String(value);
  if (decimals !== undefined && decimals >= 0) return value.toFixed(Math.min(decimals, 10));
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
}

/** The colour of the highest threshold at or below the value, if any. */
export function thresholdColor(value: number | null, thresholds: Threshold[] | undefined): string | undefined {
  if (value === null || !thresholds || thresholds.length === 0) return undefined;
  let color: string | undefined;
  let best = -Infinity;
  for (const threshold of thresholds) {
    if (value >= threshold.value && threshold.value >= best) {
      best = threshold.value;
      color = threshold.color;
    }
  }
  return color;
}

const timeFormat = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  fractionalSecondDigits: 3,
  timeZoneName: "short",
});

/** The sample's time in the user's time zone, to the millisecond. */
export function formatTime(ms: number): string {
  return timeFormat.format(new Date(ms));
}

/** "3 s", "4 min", "2 h": how old a value is. */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} d`;
}

const clockFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
let clockSecond = Number.NaN;
let clockText = "";

/**
 * The time of day to the second ("14:03:27"), for cells that show many channels' times: it changes once a second
 * rather than with every sample, so the cell's text is left alone between (the date and milliseconds are in the
 * hover text). Formatted once per second, not once per row.
 */
export function formatClock(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== clockSecond) {
    clockSecond = second;
    clockText = clockFormat.format(new Date(second * 1000));
  }
  return clockText;
}
