import type { ComponentType } from "react";
import type { WidgetKind } from "../types";
import { AlarmLogWidget } from "./AlarmLogWidget";
import { BarWidget, ProgressWidget } from "./BarWidget";
import { GaugeWidget } from "./GaugeWidget";
import { StatusWidget } from "./StatusWidget";
import { TableWidget } from "./TableWidget";
import { TextWidget } from "./TextWidget";
import { TrendWidget } from "./trend/TrendWidget";
import type { WidgetProps } from "./types";
import { SetpointWidget } from "./setpoint/SetpointWidget";
import { ValueWidget } from "./ValueWidget";

/** The options a widget kind offers in the builder. */
export type OptionGroup =
  "window" | "range" | "thresholds" | "decimals" | "stale" | "text" | "labels" | "step" | "priority";

export interface WidgetSpec {
  label: string;
  description: string;
  component: ComponentType<WidgetProps>;
  /** Size when added from the palette, in grid columns (of 24) and rows. */
  size: { w: number; h: number };
  /** 0 for none (TEXT), 1 for single-channel kinds. */
  maxChannels: number;
  options: OptionGroup[];
}

/** Every kind the admin-api stores, mapped to how it is drawn and edited (exhaustive by type). */
export const WIDGETS: Record<WidgetKind, WidgetSpec> = {
  VALUE: {
    label: "Value",
    description: "Current value, large",
    component: ValueWidget,
    size: { w: 4, h: 3 },
    maxChannels: 20,
    options: ["thresholds", "decimals", "stale", "labels"],
  },
  TREND: {
    label: "Trend",
    description: "History and live values over a window",
    component: TrendWidget,
    size: { w: 12, h: 6 },
    maxChannels: 8,
    options: ["window", "range", "step"],
  },
  GAUGE: {
    label: "Gauge",
    description: "Dial between min and max",
    component: GaugeWidget,
    size: { w: 6, h: 6 },
    maxChannels: 1,
    options: ["range", "thresholds", "decimals", "stale"],
  },
  BAR: {
    label: "Bar",
    description: "Bars on a common scale",
    component: BarWidget,
    size: { w: 8, h: 4 },
    maxChannels: 20,
    options: ["range", "thresholds", "decimals", "stale"],
  },
  PROGRESS: {
    label: "Progress",
    description: "Progress between min and max, in %",
    component: ProgressWidget,
    size: { w: 8, h: 2 },
    maxChannels: 20,
    options: ["range", "thresholds", "stale"],
  },
  TABLE: {
    label: "Table",
    description: "Values, quality and time as rows",
    component: TableWidget,
    size: { w: 12, h: 5 },
    maxChannels: 100,
    options: ["decimals", "stale"],
  },
  STATUS: {
    label: "Status",
    description: "On/off lamps",
    component: StatusWidget,
    size: { w: 4, h: 3 },
    maxChannels: 50,
    options: ["thresholds", "labels", "stale"],
  },
  ALARM_LOG: {
    label: "Alarm log",
    description: "Active alarms, to acknowledge; bound channels narrow it",
    component: AlarmLogWidget,
    size: { w: 8, h: 6 },
    maxChannels: 500,
    options: ["priority"],
  },
  SETPOINT: {
    label: "Setpoint",
    description: "Writes a value to a device, after confirmation",
    component: SetpointWidget,
    size: { w: 6, h: 5 },
    maxChannels: 1,
    options: ["decimals", "labels", "stale"],
  },
  TEXT: {
    label: "Text",
    description: "Notes and instructions",
    component: TextWidget,
    size: { w: 6, h: 2 },
    maxChannels: 0,
    options: ["text"],
  },
};

export const WIDGET_KINDS = Object.keys(WIDGETS) as WidgetKind[];
