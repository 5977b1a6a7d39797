// History answers turned into what uPlot draws: one shared time axis (seconds), one value array per series with
// `null` where the line must break (bad samples, stretches without data) and `undefined` where a series simply has no
// point at another series' time (uPlot joins across those), and the quality of every point for marks and read-out.

import { numeric, timeOf, type SampleValue } from "../../../lib/live/protocol";
import { severityOf } from "../../../lib/quality";
import type { Aggregate } from "./view";

export type Value = number | null | undefined;

/** One series as points in time order: x in seconds, y (null: a gap), quality, and the band for min/max. */
export interface SeriesPoints {
  xs: number[];
  ys: (number | null)[];
  qualities: number[];
  lo?: (number | null)[];
  hi?: (number | null)[];
}

export interface Joined {
  xs: number[];
  ys: Value[][];
  qualities: (number | undefined)[][];
  lo: (Value[] | null)[];
  hi: (Value[] | null)[];
}

interface AnyPoint {
  time?: string;
  offset?: number;
  value?: SampleValue | null;
  quality?: number;
  [aggregate: string]: unknown;
}

/** Points of a raw series (stored samples, downsampled samples, formula values, batch points). */
export function fromRaw(points: AnyPoint[], origin = 0): SeriesPoints {
  const out: SeriesPoints = { xs: [], ys: [], qualities: [] };
  for (const point of points) {
    const x = point.offset !== undefined ? point.offset : (timeOf(point.time as string) - origin) / 1000;
    const quality = Number(point.quality ?? 0);
    const value = point.value === undefined || point.value === null ? null : numeric(point.value);
    const bad = severityOf(quality) === "bad";
    out.xs.push(x);
    out.ys.push(bad || value === null || !Number.isFinite(value) ? null : value);
    out.qualities.push(quality);
  }
  return out;
}

/**
 * Points of a chart answer's columns (`POST /api/v1/analytics/chart`): times in epoch milliseconds, values with null
 * for a bad sample, qualities only when one is not Good. No object per point: a trend of ten channels is 16,000 points
 * on every zoom.
 */
export function fromColumns(time: number[], value: (number | null)[], quality?: number[]): SeriesPoints {
  const n = time.length;
  const xs = new Array<number>(n);
  const ys = new Array<number | null>(n);
  for (let i = 0; i < n; i++) {
    xs[i] = time[i] / 1000;
    const y = value[i];
    ys[i] = y === null || (quality !== undefined && severityOf(quality[i]) === "bad") ? null : y;
  }
  return { xs, ys, qualities: quality ?? new Array<number>(n).fill(0) };
}

/** Points of a bucketed series: the chosen aggregate, or the average inside the min/max band. */
export function fromBuckets(points: AnyPoint[], aggregate: Aggregate): SeriesPoints {
  const out: SeriesPoints = { xs: [], ys: [], qualities: [] };
  const band = aggregate === "minmax";
  if (band) {
    out.lo = [];
    out.hi = [];
  }
  const key = band ? "avg" : aggregate;
  for (const point of points) {
    out.xs.push(timeOf(point.time as string) / 1000);
    const y = point[key];
    out.ys.push(typeof y === "number" ? y : null);
    out.qualities.push(0);
    if (band) {
      out.lo!.push(typeof point.min === "number" ? point.min : null);
      out.hi!.push(typeof point.max === "number" ? point.max : null);
    }
  }
  return out;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Breaks the line where the time between two points is much longer than usual (a device or service outage): more
 * than `factor` times the median spacing. A null point half-way between them makes uPlot draw nothing there.
 */
export function withTimeGaps(series: SeriesPoints, factor: number): SeriesPoints {
  const { xs } = series;
  if (xs.length < 3) return series;
  const deltas: number[] = [];
  for (let i = 1; i < xs.length; i++) deltas.push(xs[i] - xs[i - 1]);
  const limit = median(deltas) * factor;
  if (limit <= 0) return series;
  const out: SeriesPoints = { xs: [], ys: [], qualities: [], lo: series.lo && [], hi: series.hi && [] };
  for (let i = 0; i < xs.length; i++) {
    if (i > 0 && xs[i] - xs[i - 1] > limit) {
      out.xs.push((xs[i] + xs[i - 1]) / 2);
      out.ys.push(null);
      out.qualities.push(0);
      out.lo?.push(null);
      out.hi?.push(null);
    }
    out.xs.push(xs[i]);
    out.ys.push(series.ys[i]);
    out.qualities.push(series.qualities[i]);
    out.lo?.push(series.lo![i]);
    out.hi?.push(series.hi![i]);
  }
  return out;
}

/**
 * All series on one ascending x axis: a merge of the series' own ascending times (each series is in time order), so
 * ten series of 1,600 points join in one pass without sorting or a map of every time (issue 15: the join took longer
 * than drawing for raw views, whose LTTB points differ per series).
 */
export function join(series: SeriesPoints[]): Joined {
  const count = series.length;
  const at = new Array<number>(count).fill(0);
  // Where each series' points land on the joined axis, found in the merge and filled in afterwards.
  const slots = series.map((s) => new Array<number>(s.xs.length));
  const xs: number[] = [];
  for (;;) {
    let next = Infinity;
    for (let n = 0; n < count; n++) {
      const i = at[n];
      if (i < series[n].xs.length && series[n].xs[i] < next) next = series[n].xs[i];
    }
    if (next === Infinity) break;
    const slot = xs.length;
    xs.push(next);
    for (let n = 0; n < count; n++) {
      const own = series[n].xs;
      // equal times within one series (never expected) share the slot, the later point winning as before
      while (at[n] < own.length && own[at[n]] === next) slots[n][at[n]++] = slot;
    }
  }
  const length = xs.length;
  const ys = series.map(() => new Array<Value>(length).fill(undefined));
  const qualities = series.map(() => new Array<number | undefined>(length).fill(undefined));
  const lo = series.map((s) => (s.lo ? new Array<Value>(length).fill(undefined) : null));
  const hi = series.map((s) => (s.hi ? new Array<Value>(length).fill(undefined) : null));
  series.forEach((s, n) => {
    const own = slots[n];
    for (let i = 0; i < own.length; i++) {
      const slot = own[i];
      ys[n][slot] = s.ys[i];
      qualities[n][slot] = s.qualities[i];
      if (lo[n]) lo[n]![slot] = s.lo![i];
      if (hi[n]) hi[n]![slot] = s.hi![i];
    }
  });
  ys.forEach(widenGaps);
  lo.forEach((values) => values && widenGaps(values));
  hi.forEach((values) => values && widenGaps(values));
  return { xs, ys, qualities, lo, hi };
}

/**
 * uPlot clips a gap from the x before a run of nulls to the x after it, and those are other series' x values after
 * joining: a lone null would clip a pixel and the line would still cross the gap. So the other series' times around a
 * gap become nulls too, up to this series' own points on either side.
 */
function widenGaps(values: Value[]) {
  for (let i = 0; i < values.length; i++) {
    if (values[i] !== null) continue;
    for (let j = i - 1; j >= 0 && values[j] === undefined; j--) values[j] = null;
    let k = i + 1;
    for (; k < values.length && (values[k] === undefined || values[k] === null); k++) values[k] = null;
    i = k - 1;
  }
}

/** The index of the series' own point at or before `index` (what the read-out shows for the cursor's time). */
export function pointAtOrBefore(values: Value[], index: number): number {
  for (let i = Math.min(index, values.length - 1); i >= 0; i--) if (values[i] !== undefined) return i;
  return -1;
}
