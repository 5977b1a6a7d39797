import { parseDuration } from "../../../lib/duration";
import { DEFAULT_VIEW, MAX_SPAN_MS, viewToSearch } from "./view";

/** The trend viewer on a dashboard trend's channels and window, following live as the widget does. */
export function trendViewerLink(channelIds: number[], window: string | undefined, step: boolean): string {
  const span = parseDuration(window);
  const duration = span !== null && span <= MAX_SPAN_MS ? window!.toUpperCase() : "PT1H";
  return `/trends?${viewToSearch({ ...DEFAULT_VIEW, channels: channelIds, range: { kind: "relative", duration }, live: true, step })}`;
}
