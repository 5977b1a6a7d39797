// The trend viewer's whole view as plain data: what is plotted, over which range, how. It round-trips through the
// page's URL so that a link or a bookmark reopens exactly this view.

import { parseDuration } from "../../../lib/duration";

export type Interval = "raw" | "auto" | "1s" | "1m" | "1h" | "1d";
/** How buckets are drawn: one aggregate, or the min/max band around the average. */
export type Aggregate = "avg" | "twa" | "minmax" | "first" | "last" | "count";

export const INTERVALS: Interval[] = ["raw", "auto", "1s", "1m", "1h", "1d"];
export const AGGREGATES: Aggregate[] = ["avg", "twa", "minmax", "first", "last", "count"];

/** A range relative to now (ISO-8601 duration, right edge at now) or fixed (ms since the epoch). */
export type Range = { kind: "relative"; duration: string } | { kind: "absolute"; from: number; to: number };

export interface TrendView {
  channels: number[];
  derived: number[];
  range: Range;
  interval: Interval;
  aggregate: Aggregate;
  /** Batches overlaid on a batch-relative axis (seconds since each batch's start); empty: a time axis. */
  overlay: number[];
  /** Keep the right edge at now and append live samples (relative ranges only). */
  live: boolean;
  step: boolean;
  /** Hidden series, by key ("c12", "d3"). */
  hidden: string[];
}

export const PRESETS: { duration: string; label: string }[] = [
  { duration: "PT15M", label: "15 min" },
  { duration: "PT1H", label: "1 h" },
  { duration: "PT6H", label: "6 h" },
  { duration: "PT12H", label: "12 h" },
  { duration: "P1D", label: "1 day" },
  { duration: "P7D", label: "7 days" },
  { duration: "P30D", label: "30 days" },
  { duration: "P90D", label: "90 days" },
  { duration: "P365D", label: "1 year" },
];

/** The analytics engine's maxRange (400 days); longer views are refused there, so never built here. */
export const MAX_SPAN_MS = 400 * 86_400_000;
/** Shortest view: one second. */
export const MIN_SPAN_MS = 1000;
/** Bounds of what a URL may ask for, so that a pasted link cannot make the page ask for thousands of series. */
export const MAX_SERIES = 50;
export const MAX_OVERLAY = 10;

export const DEFAULT_VIEW: TrendView = {
  channels: [],
  derived: [],
  range: { kind: "relative", duration: "PT1H" },
  interval: "raw",
  aggregate: "avg",
  overlay: [],
  live: false,
  step: false,
  hidden: [],
};

export const channelKey = (id: number) => `c${id}`;
export const derivedKey = (id: number) => `d${id}`;

/** The range as absolute times at `now`. */
export function resolveRange(range: Range, now: number): { from: number; to: number } {
  if (range.kind === "absolute") return { from: range.from, to: range.to };
  const span = parseDuration(range.duration) ?? 3_600_000;
  return { from: now - span, to: now };
}

export function spanOf(range: Range, now: number): number {
  const { from, to } = resolveRange(range, now);
  return to - from;
}

/** A fixed range, its span kept between one second and the engine's maximum, never ending after `now`. */
export function absolute(from: number, to: number, now: number): Range {
  const span = Math.round(Math.min(Math.max(to - from, MIN_SPAN_MS), MAX_SPAN_MS));
  const end = Math.min(Math.round((from + to) / 2 + span / 2), now);
  const start = end - span;
  return { kind: "absolute", from: start, to: end };
}

/** Moves the view by a share of its span (negative: into the past). Panning leaves follow-live. */
export function pan(view: TrendView, share: number, now: number): TrendView {
  const { from, to } = resolveRange(view.range, now);
  const shift = (to - from) * share;
  const end = Math.min(to + shift, now);
  return {
    ...view,
    live: false,
    range: { kind: "absolute", from: Math.round(end - (to - from)), to: Math.round(end) },
  };
}

/** Zooms by `factor` (< 1 in, > 1 out) around the time `at` (the cursor), which stays where it is on screen. */
export function zoomAround(view: TrendView, at: number, factor: number, now: number): TrendView {
  const { from, to } = resolveRange(view.range, now);
  const left = at - (at - from) * factor;
  const right = at + (to - at) * factor;
  return { ...view, live: false, range: absolute(left, right, now) };
}

export function zoomTo(view: TrendView, from: number, to: number, now: number): TrendView {
  return { ...view, live: false, range: absolute(Math.min(from, to), Math.max(from, to), now) };
}

// ---- URL ----------------------------------------------------------------------------------------------------------

function ids(text: string | null, max: number): number[] {
  if (!text) return [];
  const out: number[] = [];
  for (const part of text.split(",")) {
    if (out.length >= max) break;
    const id = Number(part);
    if (Number.isSafeInteger(id) && id > 0 && !out.includes(id)) out.push(id);
  }
  return out;
}

function time(text: string | null): number | null {
  if (!text) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

/** The view a URL's query asks for; anything unreadable falls back to the default. */
export function viewFromSearch(search: URLSearchParams | string, now: number = Date.now()): TrendView {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const channels = ids(params.get("c"), MAX_SERIES);
  const derived = ids(params.get("d"), MAX_SERIES - channels.length);
  const from = time(params.get("from"));
  const to = time(params.get("to"));
  const duration = params.get("range");
  let range: Range = DEFAULT_VIEW.range;
  if (from !== null && to !== null && to > from) range = absolute(from, to, Math.max(now, to));
  else if (duration && parseDuration(duration) !== null && parseDuration(duration)! <= MAX_SPAN_MS)
    range = { kind: "relative", duration: duration.toUpperCase() };
  const interval = params.get("interval") as Interval;
  const aggregate = params.get("agg") as Aggregate;
  return {
    channels,
    derived,
    range,
    interval: INTERVALS.includes(interval) ? interval : DEFAULT_VIEW.interval,
    aggregate: AGGREGATES.includes(aggregate) ? aggregate : DEFAULT_VIEW.aggregate,
    overlay: ids(params.get("batches"), MAX_OVERLAY),
    live: range.kind === "relative" && params.get("live") === "1",
    step: params.get("step") === "1",
    hidden: (params.get("hide") ?? "")
      .split(",")
      .filter((key) => /^[cd]\d+$/.test(key))
      .slice(0, MAX_SERIES),
  };
}

/** The URL query of a view; defaults are left out so that links stay short. */
export function viewToSearch(view: TrendView): string {
  const params = new URLSearchParams();
  if (view.channels.length) params.set("c", view.channels.join(","));
  if (view.derived.length) params.set("d", view.derived.join(","));
  if (view.range.kind === "relative") params.set("range", view.range.duration);
  else {
    params.set("from", new Date(view.range.from).toISOString());
    params.set("to", new Date(view.range.to).toISOString());
  }
  if (view.interval !== DEFAULT_VIEW.interval) params.set("interval", view.interval);
  if (view.aggregate !== DEFAULT_VIEW.aggregate) params.set("agg", view.aggregate);
  if (view.overlay.length) params.set("batches", view.overlay.join(","));
  if (view.live && view.range.kind === "relative") params.set("live", "1");
  if (view.step) params.set("step", "1");
  if (view.hidden.length) params.set("hide", view.hidden.join(","));
  // Commas read better in a link than %2C and are legal in a query.
  return params.toString().replaceAll("%2C", ",");
}
