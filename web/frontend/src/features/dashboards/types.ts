import type { components } from "../../api/generated/admin-api";

type Schemas = components["schemas"];

/** Columns of the stored layout's grid (admin-api Widget.GRID_COLUMNS), one-to-one with react-grid-layout. */
export const GRID_COLUMNS = 24;

export type Dashboard = Schemas["Dashboard"];
export type DashboardRequest = Schemas["DashboardRequest"];
export type DashboardTemplate = Schemas["DashboardTemplate"];
export type DashboardImportResult = Schemas["DashboardImportResult"];
export type StoredWidget = Schemas["Widget"];

/** The closed set of widget kinds (admin-api Widget.Kind); the registry maps each to its component. */
export type WidgetKind = StoredWidget["kind"];

export interface Threshold {
  /** From this value upwards the colour applies (the highest threshold not above the value wins). */
  value: number;
  color: string;
}

/** Display options of a widget, stored as sent by the admin-api; every field is optional. */
export interface WidgetOptions {
  /** TREND: the time window, ISO-8601 duration (PT15M, PT1H, P1D). */
  window?: string;
  min?: number;
  max?: number;
  thresholds?: Threshold[];
  decimals?: number;
  /** Seconds after which a value that has not changed is marked stale. */
  staleAfter?: number;
  /** TEXT: the text shown (plain text, line breaks kept). */
  text?: string;
  /** VALUE, STATUS, SETPOINT: labels for true/false (STATUS: non-zero/zero; SETPOINT: its on/off buttons). */
  onLabel?: string;
  offLabel?: string;
  /** TREND: draw steps instead of lines. */
  step?: boolean;
  /** ALARM_LOG: only alarms of this priority or higher. */
  minPriority?: "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";
}

/** A widget as the app works with it: an id always present, options typed. */
export interface Widget {
  id: string;
  kind: WidgetKind;
  title: string;
  x: number;
  y: number;
  w: number;
  h: number;
  channelIds: number[];
  options: WidgetOptions;
}

export function toWidget(stored: StoredWidget, index: number): Widget {
  return {
    id: stored.id || `w${index + 1}`,
    kind: stored.kind,
    title: stored.title ?? "",
    x: stored.x,
    y: stored.y,
    w: stored.w,
    h: stored.h,
    channelIds: stored.channelIds ?? [],
    options: (stored.options ?? {}) as WidgetOptions,
  };
}

export function toStored(widget: Widget): StoredWidget {
  return { ...widget, options: widget.options as Record<string, unknown> };
}
