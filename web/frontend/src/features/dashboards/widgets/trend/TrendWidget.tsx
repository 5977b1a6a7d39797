import { useEffect, useMemo, useRef } from "react";
import uPlot from "uplot";
import { parseDuration } from "../../../../lib/duration";
import { useLiveStore } from "../../../../lib/live/LiveContext";
import { useWatch } from "../../../../lib/live/hooks";
import { numeric, timeOf } from "../../../../lib/live/protocol";
import { severityOf } from "../../../../lib/quality";
import { useElementSize } from "../../../../lib/useElementSize";
import { useOnScreen } from "../../../../lib/visibility";
import { type RawPoint, useTrendHistory } from "../../api/history";
import { NoChannels } from "../NoChannels";
import { channelLabel, channelUnit, type WidgetProps } from "../types";
import { chartOptions } from "./chartOptions";
import { SeriesBuffer } from "./SeriesBuffer";

const DEFAULT_WINDOW_MS = 3_600_000;
/** Points kept per series per pixel of width before thinning to min/max per pixel. */
const POINTS_PER_PIXEL = 4;
/** The longest a live sample waits to be drawn, however wide the window. */
const MAX_REDRAW_INTERVAL_MS = 250;

/**
 * Several channels over a sliding time window: first filled from history (the analytics engine downsamples to about
 * one point per pixel), then extended by every live sample. One uPlot instance for the widget's life, fed new data
 * at most once per animation frame; it is re-created only when the channels, their units or the drawing style change.
 */
export function TrendWidget({ widget, channels }: WidgetProps) {
  const ids = widget.channelIds;
  if (ids.length === 0) return <NoChannels />;
  return <Trend widget={widget} channels={channels} />;
}

function Trend({ widget, channels }: WidgetProps) {
  const ids = widget.channelIds;
  const windowMs = parseDuration(widget.options.window) ?? DEFAULT_WINDOW_MS;
  const key = `${ids.join(",")}|${windowMs}`;
  const openedAt = useMemo(() => Date.now(), [key]);
  const { ref, width, height } = useElementSize<HTMLDivElement>();
  const chartRef = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const buffers = useRef(new Map<number, SeriesBuffer>());
  const counts = useRef({ history: 0, live: 0 });
  const live = useLiveStore();
  const maxPoints = width > 0 ? Math.max(100, Math.ceil(width / 100) * 100) : 0;
  const history = useTrendHistory(ids, windowMs, maxPoints, openedAt);
  useWatch(ids);

  const series = ids.map((id) => ({ label: channelLabel(channels, id), unit: channelUnit(channels, id) }));
  const seriesKey = JSON.stringify(series);
  const sizeRef = useRef({ width, height });
  sizeRef.current = { width, height };

  // New channels or window: start from empty buffers (the history query for the new key fills them).
  useEffect(() => {
    buffers.current = new Map(ids.map((id) => [id, new SeriesBuffer()]));
    counts.current = { history: 0, live: 0 };
  }, [key]);

  const redraw = useRef(() => {});
  // Off screen the buffers still take every sample and leave the window, but the chart is drawn only once it is seen
  // again (joining and drawing are what cost).
  const onScreen = useOnScreen();
  const inView = useRef(onScreen);
  inView.current = onScreen;
  useEffect(() => {
    if (onScreen) redraw.current();
  }, [onScreen]);
  redraw.current = () => {
    const chart = plot.current;
    if (!chart) return;
    const now = Date.now();
    const minX = (now - windowMs) / 1000;
    const pixels = Math.max(sizeRef.current.width, 100);
    const tables: uPlot.AlignedData[] = [];
    for (const id of ids) {
      const buffer = buffers.current.get(id) ?? new SeriesBuffer();
      buffer.trim(minX);
      buffer.compact(pixels * POINTS_PER_PIXEL, windowMs / 1000 / pixels);
      tables.push([buffer.xs, buffer.ys] as uPlot.AlignedData);
    }
    // What the chart holds, readable by browser tests and by a curious engineer in the inspector.
    if (ref.current) {
      ref.current.dataset.historyPoints = String(counts.current.history);
      ref.current.dataset.livePoints = String(counts.current.live);
    }
    if (!inView.current) return;
    chart.setData(tables.length === 1 ? tables[0] : uPlot.join(tables));
  };

  // The chart: created when there is room for it, re-created when what it draws changes.
  useEffect(() => {
    const element = chartRef.current;
    if (!element || sizeRef.current.width === 0) return;
    const xRange = (): [number, number] => [(Date.now() - windowMs) / 1000, Date.now() / 1000];
    const options = chartOptions(
      {
        series: JSON.parse(seriesKey),
        step: widget.options.step === true,
        min: widget.options.min,
        max: widget.options.max,
        xRange,
      },
      sizeRef.current.width,
      sizeRef.current.height,
    );
    const chart = new uPlot(options, [[], ...ids.map(() => [])] as unknown as uPlot.AlignedData, element);
    plot.current = chart;
    fit(chart, element, sizeRef.current);
    redraw.current();
    return () => {
      chart.destroy();
      plot.current = null;
    };
  }, [seriesKey, widget.options.step, widget.options.min, widget.options.max, windowMs, width > 0]);

  useEffect(() => {
    if (plot.current && chartRef.current) fit(plot.current, chartRef.current, { width, height });
  }, [width, height]);

  // History first.
  useEffect(() => {
    if (!history.data) return;
    for (const series of history.data) {
      const buffer = buffers.current.get(series.id);
      if (!buffer) continue;
      const xs: number[] = [];
      const ys: (number | null)[] = [];
      // A raw query (downsampled or not) answers raw points.
      for (const point of series.points as RawPoint[]) {
        xs.push(timeOf(point.time) / 1000);
        const bad = severityOf(point.quality) === "bad";
        ys.push(bad || point.value === null ? null : numeric(point.value));
      }
      buffer.setHistory(xs, ys);
      counts.current.history += xs.length;
    }
    redraw.current();
  }, [history.data]);

  // Then every live sample, delivered once per animation frame. The store calls back once per channel; the chart is
  // drawn once after all of them (a microtask runs when the store's flush is done, before the frame is painted), not
  // once per channel. And not more often than the line can move: a new point shifts the plot by a pixel only every
  // window/width (170 ms for two minutes on 700 px), so the chart is redrawn at most that often (at most every
  // 250 ms): the widget's other parts and the other widgets still show each frame's values.
  useEffect(() => {
    let pending = false;
    let lastDraw = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const draw = () => {
      pending = false;
      timer = undefined;
      lastDraw = performance.now();
      redraw.current();
    };
    const redrawAfterFlush = () => {
      if (pending) return;
      pending = true;
      const interval = Math.min(MAX_REDRAW_INTERVAL_MS, windowMs / Math.max(sizeRef.current.width, 1));
      const wait = lastDraw + interval - performance.now();
      if (wait <= 0) queueMicrotask(draw);
      else timer = setTimeout(draw, wait);
    };
    const unsubscribe = ids.map((id) =>
      live.subscribeStream(id, (samples) => {
        const buffer = buffers.current.get(id);
        if (!buffer) return;
        for (const sample of samples) {
          const bad = severityOf(sample.quality) === "bad";
          buffer.append(sample.time / 1000, bad ? null : numeric(sample.value));
        }
        counts.current.live += samples.length;
        redrawAfterFlush();
      }),
    );
    // The window slides even when no sample arrives.
    const slide = setInterval(() => redraw.current(), 1000);
    return () => {
      unsubscribe.forEach((stop) => stop());
      clearInterval(slide);
      clearTimeout(timer);
    };
  }, [live, key]);

  return (
    <div className="trend" ref={ref} data-testid="trend" data-source={history.data?.[0]?.source ?? ""}>
      <div ref={chartRef} className="trend-chart" />
      {history.isError && <p className="trend-note">History unavailable; showing live values only.</p>}
    </div>
  );
}

/** Gives the plot the element's size minus its legend. */
function fit(chart: uPlot, element: HTMLElement, size: { width: number; height: number }) {
  const legend = element.querySelector<HTMLElement>(".u-legend");
  const legendHeight = legend ? legend.offsetHeight : 0;
  chart.setSize({ width: Math.max(size.width, 50), height: Math.max(size.height - legendHeight - 4, 50) });
}
