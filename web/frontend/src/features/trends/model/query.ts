import type { components } from "../../../api/generated/analytics-engine";
import type { Aggregate, TrendView } from "./view";

export type QueryRequest = components["schemas"]["QueryRequest"];
type AggregateName = NonNullable<QueryRequest["aggregates"]>[number];

/** The aggregates a bucketed view asks for; the min/max band also draws the average inside it. */
export function aggregatesOf(aggregate: Aggregate): AggregateName[] {
  return aggregate === "minmax" ? ["min", "max", "avg"] : [aggregate];
}

/** The user's time zone (days of `1d` buckets end at local midnight), e.g. "Europe/Berlin". */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/**
 * The history query of what the view shows: `maxPoints` is the plot's width in pixels, so the engine answers about a
 * point per pixel (LTTB over raw rows or the fitting rollup for raw views, the finest fitting interval for `auto`).
 */
export function historyQuery(
  view: TrendView,
  range: { from: number; to: number },
  maxPoints: number,
  timeZone = userTimeZone(),
): QueryRequest {
  const body: QueryRequest = {
    channelIds: view.channels,
    derivedSignalIds: view.derived,
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
    interval: view.interval,
    maxPoints: Math.max(10, Math.min(Math.round(maxPoints), 100_000)),
    timeZone,
  };
  if (view.interval === "raw") body.downsample = "lttb";
  else body.aggregates = aggregatesOf(view.aggregate);
  return body;
}
