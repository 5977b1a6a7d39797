import { useEffect, useMemo, useRef, useState } from "react";
import type { components } from "../../../api/generated/analytics-engine";
import { useClients } from "../../../lib/api/ClientsContext";
import { unwrap } from "../../../lib/api/clients";
import { LatestRequest } from "../model/LatestRequest";
import type { QueryRequest } from "../model/query";
import { viewPerf } from "../model/ViewPerf";

export type HistorySeries = components["schemas"]["Series"];

export interface HistoryState {
  series: HistorySeries[] | undefined;
  /** The query the series answer (what an export of "exactly what is shown" sends again). */
  query: QueryRequest | undefined;
  loading: boolean;
  error: unknown;
  /** How many queries this page has sent, and how long the last one took: read by browser tests and the curious. */
  requests: number;
  lastMs: number;
}

/**
 * The history of the view from the analytics engine. Every new view (another range, width, interval...) sends a new
 * query and aborts the one it replaces; the series shown stay until the new answer arrives, so zooming never blanks
 * the plot.
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
      .run((signal) => unwrap(analytics.POST("/api/v1/analytics/query", { body, signal })))
      .then(
        (answer) => {
          if (!answer) return;
          viewPerf.answered();
          const lastMs = Math.round(performance.now() - started);
          setState((old) => ({ ...old, series: answer.series, query: body, loading: false, error: null, lastMs }));
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
