import type { WidgetOptions } from "../types";

/** The widget's min and max, 0 and 100 when not set (or set the wrong way round). */
export function rangeOf(options: WidgetOptions): { min: number; max: number } {
  const min = typeof options.min === "number" ? options.min : 0;
  const max = typeof options.max === "number" ? options.max : 100;
  return max > min ? { min, max } : { min, max: min + 1 };
}

/** Where the value lies between min and max, clamped to 0..1 (null for no number). */
export function fraction(value: number | null, min: number, max: number): number | null {
  if (value === null || Number.isNaN(value)) return null;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}
