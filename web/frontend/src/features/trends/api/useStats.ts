import { useQueries } from "@tanstack/react-query";
import type { components } from "../../../api/generated/analytics-engine";
import { useClients } from "../../../lib/api/ClientsContext";
import { unwrap } from "../../../lib/api/clients";

export type Statistics = components["schemas"]["Statistics"];

/** Statistics of each channel over the visible range (one request per channel, cached per range). */
export function useStats(channelIds: number[], from: number, to: number, enabled: boolean) {
  const { analytics } = useClients();
  const fromIso = new Date(from).toISOString();
  const toIso = new Date(to).toISOString();
  return useQueries({
    queries: channelIds.map((id) => ({
      queryKey: ["stats", id, fromIso, toIso],
      enabled,
      staleTime: 30_000,
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        unwrap(
          analytics.GET("/api/v1/analytics/channels/{id}/stats", {
            params: { path: { id }, query: { from: fromIso, to: toIso } },
            signal,
          }),
        ),
    })),
  });
}
