import uPlot from "uplot";

/** Series colours, distinguishable also for the common colour-vision deficiencies (Okabe-Ito order). */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

export interface TrendSeries {
  label: string;
  unit: string;
}

export interface TrendChartSpec {
  series: TrendSeries[];
  step: boolean;
  /** Fixed y range from the widget's min/max; auto when absent. */
  min?: number;
  max?: number;
  /** Current x range in seconds; read at every redraw so the window slides without re-creating the chart. */
  xRange: () => [number, number];
}

/** A colour of the stylesheet (canvas drawing cannot use CSS variables). */
function cssColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/** One y axis per unit (the first on the left, the second on the right, further units share the left). */
export function chartOptions(spec: TrendChartSpec, width: number, height: number): uPlot.Options {
  const units = [...new Set(spec.series.map((s) => s.unit))];
  const scaleOf = (unit: string) => `y${units.indexOf(unit)}`;
  const fixed = typeof spec.min === "number" && typeof spec.max === "number" && spec.max > spec.min;
  const text = cssColor("--text-muted", "#5a6573");
  const grid = cssColor("--grid", "rgba(90, 101, 115, 0.18)");
  const scales: uPlot.Scales = { x: { time: true, range: () => spec.xRange() } };
  units.forEach((unit) => {
    scales[scaleOf(unit)] = fixed ? { range: () => [spec.min as number, spec.max as number] } : { auto: true };
  });
  const axes: uPlot.Axis[] = [
    { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
    ...units.map((unit, index): uPlot.Axis => ({
      scale: scaleOf(unit),
      label: unit || undefined,
      labelSize: unit ? 16 : 0,
      side: index === 1 ? 1 : 3,
      stroke: text,
      grid: { show: index === 0, stroke: grid, width: 1 },
      ticks: { stroke: grid },
      size: 52,
    })),
  ];
  const series: uPlot.Series[] = [
    {},
    ...spec.series.map((s, index): uPlot.Series => ({
      label: s.unit ? `${s.label} [${s.unit}]` : s.label,
      scale: scaleOf(s.unit),
      stroke: PALETTE[index % PALETTE.length],
      width: 1.5,
      spanGaps: false,
      points: { show: false },
      ...(spec.step ? { paths: steppedPaths } : {}),
    })),
  ];
  return {
    width: Math.max(width, 50),
    height: Math.max(height, 50),
    scales,
    axes,
    series,
    legend: { live: true },
    cursor: { drag: { x: false, y: false } },
  };
}

/** Step drawing: a value holds until the next sample (how a PLC's register behaves). */
const steppedPaths: uPlot.Series.PathBuilder = uPlot.paths.stepped!({ align: 1 });
