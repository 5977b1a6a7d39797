import type { AlarmTransition } from "./types";

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
const dateAndTime = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** "14:03:27" today, with the date on other days; "—" when unknown. */
export function formatWhen(iso: string | null, now: number = Date.now()): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toDateString() === new Date(now).toDateString() ? timeOfDay.format(date) : dateAndTime.format(date);
}

/** The full local time, for hover texts and the journal. */
export function formatFull(iso: string | null): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateAndTime.format(date);
}

/** An alarm's value as text: numbers to at most 3 decimals, with the channel's unit. */
export function formatAlarmValue(value: AlarmTransition["value"], unit?: string): string {
  if (value === null) return "—";
  if (typeof value !== "number") return String(value);
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
  return unit ? `${text} ${unit}` : text;
}
