import type { components } from "../../../api/generated/analytics-engine";
import { aggregatesOf, userTimeZone } from "./query";
import { channelKey, derivedKey, type TrendView } from "./view";

export type ExportRequest = components["schemas"]["ExportRequest"];
export type ExportFormat = NonNullable<ExportRequest["format"]>;

/**
 * The export of what the viewer shows: the visible series (hidden ones left out), the visible range and the view's
 * interval and aggregate. A raw view exports every stored sample of the range rather than the plot's downsampled
 * points (the engine limits raw exports to 31 days and says so with a hint).
 */
export function exportRequest(
  view: TrendView,
  range: { from: number; to: number },
  format: ExportFormat,
): ExportRequest {
  const channelIds = view.channels.filter((id) => !view.hidden.includes(channelKey(id)));
  const derivedSignalIds = view.derived.filter((id) => !view.hidden.includes(derivedKey(id)));
  return {
    format,
    query: {
      channelIds,
      derivedSignalIds,
      from: new Date(range.from).toISOString(),
      to: new Date(range.to).toISOString(),
      interval: view.interval === "auto" ? "auto" : view.interval,
      timeZone: userTimeZone(),
      ...(view.interval === "raw" ? {} : { aggregates: aggregatesOf(view.aggregate) }),
      ...(view.interval === "auto" ? { maxPoints: 100_000 } : {}),
    },
  };
}
