import { useEffect, useMemo, useRef, useState } from "react";
import type { components } from "../../../api/generated/analytics-engine";
import { useClients } from "../../../lib/api/ClientsContext";
import { unwrap } from "../../../lib/api/clients";
import { LatestRequest } from "../model/LatestRequest";
import type { QueryRequest } from "../model/query";
import { viewPerf } from "../model/ViewPerf";

/** A series of `/query` (points as objects: bucketed views) or of `/chart` (columns: raw views, downsampled). */
export type HistorySeries = components["schemas"]["Series"] | ChartSeries;
export type ChartSeries = components["schemas"]["ChartSeries"] & { interval?: undefined };
type ChartRequest = components["schemas"]["ChartRequest"];

/** The series answered as columns by `/chart`. */
export function isColumns(series: HistorySeries): series is ChartSeries {
  return "time" in series;
}

/** The server's own time of a `/chart` answer (`Server-Timing: query;dur=12.5`), or undefined. */
export function serverMs(header: string | null): number | undefined {
  const match = header?.match(/(?:^|,)\s*query;dur=([\d.]+)/);
  return match ? Math.round(Number(match[1])) : undefined;
}

export interface HistoryState {
  series: HistorySeries[] | undefined;
  /** The query the series answer (what an export of "exactly what is shown" sends again). */
  query: QueryRequest | undefined;
  loading: boolean;
  error: unknown;
  /** How many queries this page has sent, and how long the last one took: read by browser tests and the curious. */
  requests: number;
  lastMs: number;
  /** Of lastMs, the time the engine spent reading and downsampling (raw views), from its Server-Timing header. */
  serverMs?: number;
}

/**
 * The history of the view from the analytics engine. Every new view (another range, width, interval...) sends a new
 * query and aborts the one it replaces; the series shown stay until the new answer arrives, so zooming never blanks
 * the plot. Raw views (always downsampled to the plot's width) ask `/chart`, whose columns take a third of the
 * bytes of `/query`'s points and no object per point to parse; bucketed views ask `/query`.
 */
export function useHistory(query: QueryRequest | null): HistoryState {
  const { analytics } = useClients();
  const requests = useRef(new LatestRequest());
  const key = query ? JSON.stringify(query) : "";
  const [state, setState] = useState<HistoryState>({
    series: undefined,
    query: undefined,
    loading: false,
    error: null,
    requests: 0,
    lastMs: 0,
  });
  const body = useMemo(() => (key ? (JSON.parse(key) as QueryRequest) : null), [key]);

  useEffect(() => {
    if (!body) {
      requests.current.cancel();
      setState((old) => ({ ...old, series: undefined, query: undefined, loading: false, error: null }));
      return;
    }
    const started = performance.now();
    setState((old) => ({ ...old, loading: true, requests: old.requests + 1 }));
    requests.current
      .run(async (signal): Promise<{ series: HistorySeries[]; serverMs?: number }> => {
        if (body.interval !== "raw" || !body.downsample || body.downsample === "none") {
          return unwrap(analytics.POST("/api/v1/analytics/query", { body, signal }));
        }
        const chart: ChartRequest = {
          channelIds: body.channelIds,
          derivedSignalIds: body.derivedSignalIds,
          from: body.from,
          to: body.to,
          maxPoints: body.maxPoints ?? 1000,
          downsample: body.downsample,
        };
        const call = analytics.POST("/api/v1/analytics/chart", { body: chart, signal });
        const answer = await unwrap(call);
        return { series: answer.series, serverMs: serverMs((await call).response.headers.get("Server-Timing")) };
      })
      .then(
        (answer) => {
          if (!answer) return;
          viewPerf.answered();
          const lastMs = Math.round(performance.now() - started);
          const { series, serverMs } = answer;
          setState((old) => ({ ...old, series, query: body, loading: false, error: null, lastMs, serverMs }));
        },
        (error: unknown) => setState((old) => ({ ...old, loading: false, error })),
      );
  }, [analytics, body]);

  useEffect(() => {
    const current = requests.current;
    return () => current.cancel();
  }, []);
  return state;
}
