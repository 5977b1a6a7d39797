import { useMemo, useRef, useState } from "react";
import { describeError } from "../../../lib/api/problem";
import { type BatchData, useBatchOverlay } from "../api/batches";
import { fromRaw, join, type SeriesPoints, withTimeGaps } from "../model/chartData";
import { PALETTE, type PlotSeries } from "./chartOptions";
import { Readout } from "./Readout";
import { TrendChart } from "./TrendChart";

interface Props {
  batchIds: number[];
  channelIds: number[];
  maxPoints: number;
  step: boolean;
  onPlotWidth: (width: number) => void;
}

/**
 * Several batches on one axis of seconds since each batch's start, so that coils of different days line up; the
 * legend names each batch. Zooming and panning stay on this page (they are not part of the URL's time range).
 */
export function OverlayChart({ batchIds, channelIds, maxPoints, step, onPlotWidth }: Props) {
  const answers = useBatchOverlay(batchIds, channelIds, maxPoints);
  const [zoom, setZoom] = useState<[number, number] | null>(null);
  const [hidden, setHidden] = useState<string[]>([]);
  const [cursor, setCursor] = useState<number | null>(null);
  // A batch's last answer for these channels stays until the answer for another width arrives. Without it the plot
  // lost its series (and y axes) while asking, reported a wider plot, asked for that width, got its axes back, reported
  // the narrower width again... an endless loop once both widths were cached.
  const kept = useRef(new Map<string, BatchData>());
  const channelsKey = channelIds.join(",");
  const loaded = answers.map((a, i) => {
    const key = `${batchIds[i]}:${channelsKey}`;
    if (a.data) kept.current.set(key, a.data);
    return a.data ?? kept.current.get(key);
  });
  for (const key of kept.current.keys()) {
    if (!batchIds.some((id) => key === `${id}:${channelsKey}`)) kept.current.delete(key);
  }
  const series: PlotSeries[] = [];
  const points: SeriesPoints[] = [];
  loaded.forEach((data) => {
    if (!data) return;
    const batchName = data.batch.name ?? `#${data.batch.id}`;
    for (const s of data.series) {
      series.push({
        key: `b${data.batch.id}c${s.channelId}`,
        label: `${batchName} · ${s.name}`,
        unit: s.unit,
        color: PALETTE[series.length % PALETTE.length],
        band: false,
      });
      points.push(withTimeGaps(fromRaw(s.points as Parameters<typeof fromRaw>[0]), 5));
    }
  });
  const data = useMemo(
    () => join(points),
    [loaded.map((d) => (d ? d.batch.id : "")).join(","), answers.map((a) => a.dataUpdatedAt).join(",")],
  );
  const longest = data.xs.length ? data.xs[data.xs.length - 1] : 60;
  const xRange: [number, number] = zoom ?? [0, Math.max(longest, 1)];
  const errors = answers.filter((a) => a.error);
  const span = xRange[1] - xRange[0];
  const clamp = (from: number, to: number): [number, number] => [Math.max(from, -span), Math.max(to, from + 0.5)];
  return (
    <div className="trend-frame" data-testid="overlay-viewer" data-series={series.length} data-points={data.xs.length}>
      <ul className="series-legend" aria-label="Overlaid batches">
        {series.map((s) => (
          <li
            key={s.key}
            className={hidden.includes(s.key) ? "series-off" : undefined}
            data-testid="overlay-legend-item"
          >
            <button
              type="button"
              className="series-toggle"
              aria-pressed={!hidden.includes(s.key)}
              onClick={() => setHidden(hidden.includes(s.key) ? hidden.filter((k) => k !== s.key) : [...hidden, s.key])}
            >
              <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
              <span>
                {s.label}
                {s.unit ? <span className="muted"> [{s.unit}]</span> : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {channelIds.length === 0 && <p className="muted">Pick the channels to compare across the batches.</p>}
      {errors.map((a, i) => (
        <p key={i} className="field-error">
          {describeError(a.error)}
        </p>
      ))}
      <TrendChart
        spec={{ series, step, timeAxis: false }}
        data={data}
        xRange={xRange}
        hidden={hidden}
        onCursor={setCursor}
        onPlotWidth={onPlotWidth}
        onZoom={(from, to) => setZoom(clamp(from, to))}
        onPan={(delta) => setZoom(clamp(xRange[0] + delta, xRange[1] + delta))}
        onZoomAround={(at, factor) => setZoom(clamp(at - (at - xRange[0]) * factor, at + (xRange[1] - at) * factor))}
        onReset={() => setZoom(null)}
      />
      <p className="trend-source muted">
        seconds since each batch's start, raw samples (at most {maxPoints} per series)
      </p>
      <Readout series={series} data={data} index={cursor} hidden={hidden} timeAxis={false} />
    </div>
  );
}
