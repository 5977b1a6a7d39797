import { type KeyboardEvent, useEffect, useRef } from "react";
import uPlot from "uplot";
import { useElementSize } from "../../../lib/useElementSize";
import type { Joined } from "../model/chartData";
import { viewPerf } from "../model/ViewPerf";
import { dataIndexes, type PlotSpec, plotOptions } from "./chartOptions";

export interface ChartGestures {
  /** A box dragged over the plot, in x units (seconds). */
  onZoom: (from: number, to: number) => void;
  /** Shift+drag or arrow keys: move the view by this many x units. */
  onPan: (delta: number) => void;
  /** Wheel or +/-: zoom by `factor` around `at` (x units). */
  onZoomAround: (at: number, factor: number) => void;
  onReset: () => void;
}

interface Props extends ChartGestures {
  spec: PlotSpec;
  data: Joined;
  /** The visible x range in seconds. */
  xRange: [number, number];
  hidden: string[];
  onCursor: (index: number | null) => void;
  /** The plot area's width in CSS pixels (the history query's maxPoints). */
  onPlotWidth: (width: number) => void;
}

const HEIGHT = 420;

function toUplot(spec: PlotSpec, data: Joined): uPlot.AlignedData {
  const arrays: (number | null | undefined)[][] = [data.xs];
  spec.series.forEach((s, n) => {
    arrays.push(data.ys[n] ?? []);
    if (s.band) arrays.push(data.lo[n] ?? [], data.hi[n] ?? []);
  });
  return arrays as unknown as uPlot.AlignedData;
}

/**
 * The plot: one uPlot instance re-created only when the series, units or drawing style change, fed new data and x
 * ranges otherwise. Drag a box to zoom, Shift+drag to pan, the wheel to zoom around the cursor, double-click to reset;
 * arrow keys pan and +/- zoom when the plot has the focus.
 */
export function TrendChart(props: Props) {
  const { spec, data, xRange, hidden } = props;
  const { ref, width } = useElementSize<HTMLDivElement>();
  const plot = useRef<uPlot | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const specKey = JSON.stringify(spec);

  useEffect(() => {
    const element = ref.current;
    if (!element || width === 0) return;
    const chart = new uPlot(
      {
        ...plotOptions(spec, width, HEIGHT, () => latest.current.data.qualities),
        hooks: {
          setSelect: [
            (u) => {
              if (u.select.width > 4) {
                const from = u.posToVal(u.select.left, "x");
                const to = u.posToVal(u.select.left + u.select.width, "x");
                latest.current.onZoom(from, to);
              }
              u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            },
          ],
          setCursor: [(u) => latest.current.onCursor(u.cursor.idx ?? null)],
          draw: [() => viewPerf.drawn()],
        },
      },
      toUplot(spec, latest.current.data),
      element,
    );
    chart.setScale("x", { min: latest.current.xRange[0], max: latest.current.xRange[1] });
    plot.current = chart;
    latest.current.onPlotWidth(Math.round(chart.bbox.width / devicePixelRatio));
    const over = chart.over;
    const wheel = (event: WheelEvent) => {
      event.preventDefault();
      const at = chart.posToVal(event.offsetX, "x");
      latest.current.onZoomAround(at, event.deltaY > 0 ? 1.25 : 0.8);
    };
    const dblclick = (event: MouseEvent) => {
      event.preventDefault();
      latest.current.onReset();
    };
    const mousedown = (event: MouseEvent) => {
      if (!event.shiftKey || event.button !== 0) return;
      // Shift+drag pans: the plot follows the mouse, the page asks for the new range on release.
      event.stopPropagation();
      event.preventDefault();
      const startX = event.clientX;
      const [min, max] = [chart.scales.x.min!, chart.scales.x.max!];
      const perPixel = (max - min) / (chart.bbox.width / devicePixelRatio);
      const move = (e: MouseEvent) => {
        const delta = -(e.clientX - startX) * perPixel;
        chart.setScale("x", { min: min + delta, max: max + delta });
      };
      const up = (e: MouseEvent) => {
        window.removeEventListener("mousemove", move);
        window.removeEventListener("mouseup", up);
        const delta = -(e.clientX - startX) * perPixel;
        if (Math.abs(e.clientX - startX) > 2) latest.current.onPan(delta);
      };
      window.addEventListener("mousemove", move);
      window.addEventListener("mouseup", up);
    };
    over.addEventListener("wheel", wheel, { passive: false });
    over.addEventListener("dblclick", dblclick, true);
    over.addEventListener("mousedown", mousedown, true);
    return () => {
      over.removeEventListener("wheel", wheel);
      over.removeEventListener("dblclick", dblclick, true);
      over.removeEventListener("mousedown", mousedown, true);
      chart.destroy();
      plot.current = null;
    };
    // Re-created for another spec; width changes resize it below.
  }, [specKey, width > 0]);

  useEffect(() => {
    const chart = plot.current;
    if (!chart || width === 0) return;
    chart.setSize({ width, height: HEIGHT });
    latest.current.onPlotWidth(Math.round(chart.bbox.width / devicePixelRatio));
  }, [width]);

  useEffect(() => {
    const chart = plot.current;
    if (!chart) return;
    chart.batch(() => {
      chart.setData(toUplot(spec, data), false);
      chart.setScale("x", { min: xRange[0], max: xRange[1] });
    });
  }, [data, xRange[0], xRange[1], specKey]);

  useEffect(() => {
    const chart = plot.current;
    if (!chart) return;
    const indexes = dataIndexes(spec.series);
    spec.series.forEach((s, n) => {
      const show = !hidden.includes(s.key);
      const index = indexes[n];
      const count = s.band ? 3 : 1;
      for (let i = index; i < index + count; i++) if (chart.series[i].show !== show) chart.setSeries(i, { show });
    });
  }, [hidden.join(","), specKey]);

  const onKeyDown = (event: KeyboardEvent) => {
    const span = xRange[1] - xRange[0];
    const center = (xRange[0] + xRange[1]) / 2;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => props.onPan(-span / 4),
      ArrowRight: () => props.onPan(span / 4),
      "+": () => props.onZoomAround(center, 0.5),
      "=": () => props.onZoomAround(center, 0.5),
      "-": () => props.onZoomAround(center, 2),
      Home: () => props.onReset(),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  return (
    <div
      ref={ref}
      className="trend-plot"
      tabIndex={0}
      role="img"
      aria-label="Trend plot: drag to zoom, Shift+drag or arrow keys to pan, wheel or +/- to zoom, double-click to reset"
      onKeyDown={onKeyDown}
      onMouseLeave={() => props.onCursor(null)}
      data-testid="trend-plot"
      data-x-min={xRange[0]}
      data-x-max={xRange[1]}
    />
  );
}
