import { useQuery } from "@tanstack/react-query";
import { useClients } from "../../../lib/api/ClientsContext";
import { unwrap } from "../../../lib/api/clients";
import type { components } from "../../../api/generated/analytics-engine";

export type HistorySeries = components["schemas"]["Series"];
export type RawPoint = components["schemas"]["RawPoint"];

/**
 * The trend's window from history, downsampled by the analytics engine to about one point per pixel (LTTB over raw
 * rows or the fitting rollup). The key holds the window start rounded to the second so that the query is asked once
 * per opening, not once per render; live samples extend it afterwards.
 */
export function useTrendHistory(channelIds: number[], windowMs: number, maxPoints: number, startedAt: number) {
  const { analytics } = useClients();
  const to = new Date(startedAt);
  const from = new Date(startedAt - windowMs);
  return useQuery({
    queryKey: ["trend-history", channelIds.join(","), windowMs, maxPoints, Math.floor(startedAt / 1000)],
    enabled: channelIds.length > 0 && maxPoints > 0,
    staleTime: Infinity,
    gcTime: 0,
    queryFn: async ({ signal }) => {
      const answer = await unwrap(
        analytics.POST("/api/v1/analytics/query", {
          body: {
            channelIds,
            from: from.toISOString(),
            to: to.toISOString(),
            interval: "raw",
            maxPoints,
            downsample: "lttb",
          },
          signal,
        }),
      );
      return answer.series;
    },
  });
}
