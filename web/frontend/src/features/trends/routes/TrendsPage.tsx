import { useEffect, useMemo, useState } from "react";
import { describeError } from "../../../lib/api/problem";
import { type Channel, ChannelPicker, useChannelDirectory } from "../../channels";
import { useDerivedSignals } from "../api/derived";
import { useHistory } from "../api/useHistory";
import { appendTail, useLiveTail } from "../api/useLiveTail";
import { PALETTE, type PlotSeries, type PlotSpec, unitsOf, MAX_AXES } from "../components/chartOptions";
import { BatchPanel } from "../components/BatchPanel";
import { OverlayChart } from "../components/OverlayChart";
import { ExportButton } from "../components/ExportButton";
import { exportRequest } from "../model/exportQuery";
import { DerivedBuilder } from "../components/DerivedBuilder";
import { DerivedPicker } from "../components/DerivedPicker";
import { RangeBar } from "../components/RangeBar";
import { Readout } from "../components/Readout";
import { StatsPanel } from "../components/StatsPanel";
import { SeriesLegend } from "../components/SeriesLegend";
import { TrendChart } from "../components/TrendChart";
import { fromBuckets, fromColumns, fromRaw, join, type SeriesPoints, withTimeGaps } from "../model/chartData";
import { historyQuery } from "../model/query";
import { absolute, channelKey, derivedKey, MAX_SERIES, pan, resolveRange, zoomAround, zoomTo } from "../model/view";
import { useTrendView } from "./useTrendView";
import { isColumns, type HistorySeries } from "../api/useHistory";
import type { DerivedSignal, EvaluateResult } from "../api/derived";
import { useMe } from "../../../lib/auth/useMe";

/** Lines break where points are this many times further apart than usual (raw) or buckets are missing. */
const RAW_GAP_FACTOR = 5;
const BUCKET_GAP_FACTOR = 2.5;
/** The builder's unsaved formula, plotted with the others until saved or cleared. */
const PREVIEW_KEY = "preview";

function seriesMeta(
  channels: number[],
  derived: number[],
  directory: Map<number, Channel> | undefined,
  signals: DerivedSignal[] | undefined,
  answer: HistorySeries[] | undefined,
  band: boolean,
): PlotSeries[] {
  const answered = (kind: string, id: number) => answer?.find((s) => s.kind === kind && s.id === id);
  const out: PlotSeries[] = [];
  channels.forEach((id) => {
    const a = answered("channel", id);
    const c = directory?.get(id);
    out.push({
      key: channelKey(id),
      label: a?.name ?? c?.name ?? `#${id}`,
      unit: a?.unit ?? c?.unit ?? "",
      color: "",
      band,
    });
  });
  derived.forEach((id) => {
    const a = answered("derived", id);
    const s = signals?.find((x) => x.id === id);
    out.push({
      key: derivedKey(id),
      label: a?.name ?? s?.name ?? `signal ${id}`,
      unit: a?.unit ?? s?.unit ?? "",
      color: "",
      band: false,
    });
  });
  return out.map((s, i) => ({ ...s, color: PALETTE[i % PALETTE.length] }));
}

function pointsOf(series: HistorySeries, aggregate: Parameters<typeof fromBuckets>[1]): SeriesPoints {
  if (isColumns(series)) return withTimeGaps(fromColumns(series.time, series.value, series.quality), RAW_GAP_FACTOR);
  const points = series.points as Parameters<typeof fromRaw>[0];
  return series.interval === "raw" || series.kind === "derived"
    ? withTimeGaps(fromRaw(points), RAW_GAP_FACTOR)
    : withTimeGaps(fromBuckets(points, aggregate), BUCKET_GAP_FACTOR);
}

/** The trend viewer: channels and derived signals over a range, zoomed, panned and followed live (issue 15). */
export function TrendsPage() {
  const { view, change, canBack, canForward, back, forward, reset } = useTrendView();
  const directory = useChannelDirectory();
  const signals = useDerivedSignals();
  const [plotWidth, setPlotWidth] = useState(0);
  const [cursor, setCursor] = useState<number | null>(null);
  const [preview, setPreview] = useState<{ formula: string; result: EvaluateResult } | null>(null);
  const me = useMe();
  const mayChangeSignals = me.data?.role === "ADMIN" || me.data?.role === "ENGINEER";
  // Relative ranges are resolved when the view changes (and by the live tail's clock while following live).
  const [anchor, setAnchor] = useState(() => ({ search: "", at: Date.now() }));
  const rangeKey = JSON.stringify(view.range) + view.live;
  if (anchor.search !== rangeKey) setAnchor({ search: rangeKey, at: Date.now() });
  const liveRaw = view.live && view.interval === "raw";
  // Buckets cannot take raw live samples: while following live they are asked for again every ten seconds.
  useEffect(() => {
    if (!view.live || liveRaw) return;
    const timer = setInterval(() => setAnchor({ search: rangeKey, at: Date.now() }), 10_000);
    return () => clearInterval(timer);
  }, [view.live, liveRaw, rangeKey]);
  const tail = useLiveTail(view.channels, liveRaw);
  const range = resolveRange(view.range, anchor.at);
  const seriesCount = view.channels.length + view.derived.length;
  // A pixel or two of resizing does not ask again.
  const maxPoints = Math.round(plotWidth / 10) * 10;
  const overlaid = view.overlay.length > 0;
  const query = seriesCount > 0 && maxPoints > 0 && !overlaid ? historyQuery(view, range, maxPoints) : null;
  const history = useHistory(query);
  const band = view.interval !== "raw" && view.aggregate === "minmax";
  const series = seriesMeta(view.channels, view.derived, directory.data, signals.data, history.series, band);
  if (preview) {
    series.push({
      key: PREVIEW_KEY,
      label: `Preview: ${preview.formula.length > 40 ? preview.formula.slice(0, 39) + "…" : preview.formula}`,
      unit: "",
      color: PALETTE[series.length % PALETTE.length],
      band: false,
    });
  }
  const spec: PlotSpec = { series, step: view.step, timeAxis: true };

  // Converted once per answer, not again for every live sample of the tail.
  const answered = useMemo(() => {
    const byKey = new Map<string, { id: number; channel: boolean; points: SeriesPoints }>();
    for (const s of history.series ?? []) {
      const key = s.kind === "derived" ? derivedKey(s.id) : channelKey(s.id);
      byKey.set(key, { id: s.id, channel: s.kind === "channel", points: pointsOf(s, view.aggregate) });
    }
    return byKey;
  }, [history.series, view.aggregate]);
  const data = useMemo(() => {
    const byKey = new Map<string, SeriesPoints>();
    for (const [key, { id, channel, points }] of answered) {
      byKey.set(key, channel && liveRaw ? appendTail(points, tail.tails.get(id)) : points);
    }
    if (preview) byKey.set(PREVIEW_KEY, withTimeGaps(fromRaw(preview.result.points), RAW_GAP_FACTOR));
    return join(series.map((s) => byKey.get(s.key) ?? { xs: [], ys: [], qualities: [] }));
  }, [answered, series.map((s) => s.key).join(","), liveRaw, tail.now, preview]);

  const now = liveRaw ? tail.now : anchor.at;
  const shown = view.live ? resolveRange(view.range, now) : range;
  // While following live, the statistics move in steps of ten seconds rather than with every frame.
  const statsRange = view.live
    ? { from: Math.floor(shown.from / 10_000) * 10_000, to: Math.floor(shown.to / 10_000) * 10_000 }
    : shown;
  const xRange: [number, number] = [shown.from / 1000, shown.to / 1000];
  const units = unitsOf(series);

  const setSeries = (channels: number[], derived: number[]) =>
    change(
      {
        ...view,
        channels,
        derived,
        hidden: view.hidden.filter((k) => [...channels.map(channelKey), ...derived.map(derivedKey)].includes(k)),
      },
      false,
    );
  const gestures = {
    onZoom: (from: number, to: number) => change(zoomTo(view, from * 1000, to * 1000, Date.now()), true),
    onPan: (delta: number) => change(pan(view, (delta * 1000) / (shown.to - shown.from), Date.now()), true, true),
    onZoomAround: (at: number, factor: number) => change(zoomAround(view, at * 1000, factor, Date.now()), true, true),
    onReset: reset,
  };
  const source = history.series?.[0];

  return (
    <section className="trends-page">
      <header className="page-header">
        <h1>Trends</h1>
      </header>
      <RangeBar
        view={view}
        now={now}
        canBack={canBack}
        canForward={canForward}
        onChange={change}
        onBack={back}
        onForward={forward}
      />
      <div className="trends-body">
        <aside className="trends-side">
          <ChannelPicker
            selected={view.channels}
            max={MAX_SERIES - view.derived.length}
            channels={directory.data}
            onChange={(channels) => setSeries(channels, view.derived)}
          />
          <DerivedPicker
            signals={signals.data}
            error={signals.error}
            selected={view.derived}
            full={seriesCount >= MAX_SERIES}
            onAdd={(id) => setSeries(view.channels, [...view.derived, id])}
          />
          <DerivedBuilder
            signals={signals.data}
            mayChange={mayChangeSignals}
            range={shown}
            maxPoints={maxPoints}
            plotted={view.derived}
            onPreview={setPreview}
            onPlot={(id) => setSeries(view.channels, [...view.derived.filter((x) => x !== id), id])}
          />
        </aside>
        <div className="trends-main">
          {overlaid ? (
            <OverlayChart
              batchIds={view.overlay}
              channelIds={view.channels}
              maxPoints={maxPoints}
              step={view.step}
              onPlotWidth={setPlotWidth}
            />
          ) : (
            <>
              <SeriesLegend
                series={series}
                hidden={view.hidden}
                onToggle={(key) =>
                  change(
                    {
                      ...view,
                      hidden: view.hidden.includes(key) ? view.hidden.filter((k) => k !== key) : [...view.hidden, key],
                    },
                    false,
                  )
                }
                onRemove={(key) =>
                  key === PREVIEW_KEY
                    ? setPreview(null)
                    : setSeries(
                        view.channels.filter((id) => channelKey(id) !== key),
                        view.derived.filter((id) => derivedKey(id) !== key),
                      )
                }
              />
              {seriesCount === 0 && <p className="muted">Find channels or derived signals on the left to plot them.</p>}
              {units.length > MAX_AXES && (
                <p className="muted">More than {MAX_AXES} units: the further ones are drawn without an axis.</p>
              )}
              {history.error ? (
                <p className="field-error" role="alert" data-testid="history-error">
                  {describeError(history.error)}
                </p>
              ) : null}
              <div
                className="trend-frame"
                data-testid="trend-viewer"
                data-requests={history.requests}
                data-loading={history.loading}
                data-query-from={history.query?.from ?? ""}
                data-query-to={history.query?.to ?? ""}
                data-max-points={history.query?.maxPoints ?? 0}
                data-points={data.xs.length}
                data-series={series
                  .map((s, n) => `${s.key}:${data.ys[n]?.filter((y) => typeof y === "number").length ?? 0}`)
                  .join(",")}
                data-source={source?.source ?? ""}
                data-live-edge={view.live ? shown.to : ""}
              >
                <TrendChart
                  spec={spec}
                  data={data}
                  xRange={xRange}
                  hidden={view.hidden}
                  onCursor={setCursor}
                  onPlotWidth={setPlotWidth}
                  {...gestures}
                />
              </div>
              <p className="trend-source muted" data-testid="trend-source">
                {source
                  ? `${source.source}, ${!source.interval || source.interval === "raw" ? "raw" : `${source.interval} buckets`}, ${data.xs.length} points for ${maxPoints} px${history.loading ? " · loading…" : ` · ${history.lastMs} ms${history.serverMs !== undefined ? ` (server ${history.serverMs} ms)` : ""}`}`
                  : history.loading
                    ? "loading…"
                    : ""}
              </p>
              <Readout series={series} data={data} index={cursor} hidden={view.hidden} timeAxis={true} />
              <ExportButton
                request={(format) =>
                  seriesCount > 0
                    ? exportRequest(view, view.live ? resolveRange(view.range, Date.now()) : shown, format)
                    : null
                }
              />
            </>
          )}
          <StatsPanel series={series} channelIds={view.channels} from={statsRange.from} to={statsRange.to} />
          <BatchPanel
            range={shown}
            overlay={view.overlay}
            onOpen={(batch) =>
              change(
                {
                  ...view,
                  overlay: [],
                  live: false,
                  range: absolute(Date.parse(batch.start), batch.end ? Date.parse(batch.end) : Date.now(), Date.now()),
                },
                true,
              )
            }
            onOverlay={(overlay) => change({ ...view, overlay, live: false }, false)}
          />
        </div>
      </div>
    </section>
  );
}
