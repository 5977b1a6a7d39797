import uPlot from "uplot";
import { severityOf } from "../../../lib/quality";
import { PALETTE } from "../../dashboards/widgets/trend/chartOptions";

export { PALETTE };

/** Units get their own y axis, up to this many; further units are drawn on their own scale without an axis. */
export const MAX_AXES = 4;

export interface PlotSeries {
  key: string;
  label: string;
  unit: string;
  color: string;
  /** Drawn as a min/max band around the line (two more data arrays follow the line's). */
  band: boolean;
}

export interface PlotSpec {
  series: PlotSeries[];
  step: boolean;
  /** x in seconds since the epoch (a time axis) or since each batch's start (an overlay). */
  timeAxis: boolean;
}

function cssColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

export function unitsOf(series: PlotSeries[]): string[] {
  return [...new Set(series.map((s) => s.unit))];
}

/** "1 min 30 s" for a batch-relative axis. */
export function formatOffset(seconds: number): string {
  const sign = seconds < 0 ? "-" : "";
  let rest = Math.abs(Math.round(seconds));
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  if (h > 0) return `${sign}${h} h ${m} min`;
  if (m > 0) return `${sign}${m} min ${s} s`;
  return `${sign}${s} s`;
}

/**
 * The uPlot options of a spec: one scale per unit, the first four with an axis (left, right, left, right); a band
 * series pair per min/max series; dragging selects a box (the page turns it into a zoom), the double-click and the
 * wheel are the page's too.
 */
export function plotOptions(
  spec: PlotSpec,
  width: number,
  height: number,
  qualities: () => (number | undefined)[][],
): uPlot.Options {
  const units = unitsOf(spec.series);
  const scaleOf = (unit: string) => `y${units.indexOf(unit)}`;
  const text = cssColor("--text-muted", "#5a6573");
  const grid = cssColor("--grid", "rgba(90, 101, 115, 0.18)");
  const scales: uPlot.Scales = { x: { time: spec.timeAxis, auto: false } };
  units.forEach((unit) => (scales[scaleOf(unit)] = { auto: true }));
  const axes: uPlot.Axis[] = [
    {
      stroke: text,
      grid: { stroke: grid, width: 1 },
      ticks: { stroke: grid },
      ...(spec.timeAxis ? {} : { values: (_u: uPlot, ticks: number[]) => ticks.map(formatOffset) }),
    },
    ...units.slice(0, MAX_AXES).map((unit, index): uPlot.Axis => ({
      scale: scaleOf(unit),
      label: unit || undefined,
      labelSize: unit ? 16 : 0,
      side: index % 2 === 0 ? 3 : 1,
      stroke: text,
      grid: { show: index === 0, stroke: grid, width: 1 },
      ticks: { stroke: grid },
      size: 56,
    })),
  ];
  const series: uPlot.Series[] = [{}];
  const bands: uPlot.Band[] = [];
  for (const s of spec.series) {
    series.push({
      label: s.label,
      scale: scaleOf(s.unit),
      stroke: s.color,
      width: 1.5,
      spanGaps: false,
      points: { show: false },
      ...(spec.step ? { paths: stepped } : {}),
    });
    if (s.band) {
      const lo = series.length;
      series.push({ label: `${s.label} min`, scale: scaleOf(s.unit), stroke: s.color + "66", width: 0.5 });
      series.push({ label: `${s.label} max`, scale: scaleOf(s.unit), stroke: s.color + "66", width: 0.5 });
      bands.push({ series: [lo + 1, lo], fill: s.color + "22" });
    }
  }
  return {
    width: Math.max(width, 50),
    height: Math.max(height, 50),
    scales,
    axes,
    series,
    bands,
    legend: { show: false },
    cursor: { drag: { x: true, y: false, setScale: false }, points: { size: 6 } },
    plugins: [qualityMarks(qualities, dataIndexes(spec.series))],
  };
}

/** The uPlot series index of each plotted series (a band adds its min and max after its line). */
export function dataIndexes(series: PlotSeries[]): number[] {
  const indexes: number[] = [];
  let next = 1;
  for (const s of series) {
    indexes.push(next);
    next += s.band ? 3 : 1;
  }
  return indexes;
}

const stepped: uPlot.Series.PathBuilder = uPlot.paths.stepped!({ align: 1 });

/**
 * Marks what the line alone does not say: an amber dot on every uncertain point and a red tick at the bottom where a
 * sample was bad (the line has a gap there).
 */
function qualityMarks(qualities: () => (number | undefined)[][], indexes: number[]): uPlot.Plugin {
  return {
    hooks: {
      draw: (u) => {
        const all = qualities();
        const ctx = u.ctx;
        const amber = cssColor("--uncertain", "#975a16");
        const red = cssColor("--bad", "#c53030");
        const xs = u.data[0];
        const bottom = u.bbox.top + u.bbox.height;
        ctx.save();
        all.forEach((marks, n) => {
          const seriesIndex = indexes[n];
          const line = u.series[seriesIndex];
          const ys = u.data[seriesIndex];
          if (line?.show !== false) {
            for (let i = 0; i < marks.length; i++) {
              const quality = marks[i];
              if (quality === undefined || quality === 0) continue;
              const severity = severityOf(quality);
              const x = u.valToPos(xs[i], "x", true);
              if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
              if (severity === "uncertain" && typeof ys[i] === "number") {
                ctx.fillStyle = amber;
                ctx.beginPath();
                ctx.arc(x, u.valToPos(ys[i] as number, line.scale!, true), 3 * devicePixelRatio, 0, 2 * Math.PI);
                ctx.fill();
              } else if (severity === "bad") {
                ctx.fillStyle = red;
                ctx.fillRect(
                  x - devicePixelRatio,
                  bottom - 6 * devicePixelRatio,
                  2 * devicePixelRatio,
                  6 * devicePixelRatio,
                );
              }
            }
          }
        });
        ctx.restore();
      },
    },
  };
}
