import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import type { components } from "../../../api/generated/analytics-engine";
import { useClients } from "../../../lib/api/ClientsContext";
import { unwrap } from "../../../lib/api/clients";

export type Batch = components["schemas"]["Batch"];
export type BatchData = components["schemas"]["BatchData"];

/** Batches (overlapping the range, when given) whose name (or id) contains the search text, newest first as the engine answers. */
export function useBatchSearch(search: string, range: { from: number; to: number } | null, page: number) {
  const { analytics } = useClients();
  const query = {
    from: range ? new Date(range.from).toISOString() : undefined,
    to: range ? new Date(range.to).toISOString() : undefined,
    search: search.trim() || undefined,
    page,
    size: 20,
  };
  return useQuery({
    queryKey: ["batches", query],
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    queryFn: ({ signal }) => unwrap(analytics.GET("/api/v1/analytics/batches", { params: { query }, signal })),
  });
}

/** The channels' data of each overlaid batch, as seconds since its start. */
export function useBatchOverlay(batchIds: number[], channelIds: number[], maxPoints: number) {
  const { analytics } = useClients();
  return useQueries({
    queries: batchIds.map((id) => ({
      queryKey: ["batch-data", id, channelIds.join(","), maxPoints],
      enabled: channelIds.length > 0 && maxPoints > 0,
      staleTime: 30_000,
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        unwrap(
          analytics.GET("/api/v1/analytics/batches/{id}/data", {
            params: { path: { id }, query: { channelIds, relative: true, maxPoints } },
            signal,
          }),
        ),
    })),
  });
}
