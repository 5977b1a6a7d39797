import { useNow } from "../../../lib/clock";
import { useChannelStatus, useLiveSample, useWatchWhileOnScreen } from "../../../lib/live/hooks";
import type { LiveSample } from "../../../lib/live/LiveStore";
import { qualityName, type Severity, severityOf } from "../../../lib/quality";
import { formatAge, formatTime } from "./format";

/** Seconds without a new sample after which a value shows as stale, unless the widget says otherwise. */
export const DEFAULT_STALE_AFTER = 60;

export interface ChannelValue {
  sample: LiveSample | undefined;
  severity: Severity | "none";
  stale: boolean;
  /** "disabled" / "deleted" when an administrator changed the channel. */
  status: string | undefined;
  /** For the hover text: time, quality and age of the value. */
  describe: string;
}

/** The live value of a channel with what the user must know about it: quality, age, the channel's state. */
export function useChannelValue(channelId: number, staleAfter = DEFAULT_STALE_AFTER): ChannelValue {
  useWatchWhileOnScreen([channelId]);
  const sample = useLiveSample(channelId);
  const status = useChannelStatus(channelId);
  const now = useNow();
  return channelValueOf(sample, status, now, staleAfter);
}

/** Whether a sample is older than the widget allows (never when staleAfter is 0). */
export function isStale(sample: LiveSample | undefined, now: number, staleAfter = DEFAULT_STALE_AFTER): boolean {
  return sample !== undefined && staleAfter > 0 && now - sample.time > staleAfter * 1000;
}

/** What useChannelValue says about a sample, for widgets that read many channels through one subscription. */
export function channelValueOf(
  sample: LiveSample | undefined,
  status: string | undefined,
  now: number,
  staleAfter = DEFAULT_STALE_AFTER,
): ChannelValue {
  if (!sample) {
    return { sample, severity: "none", stale: false, status, describe: status ? `channel ${status}` : "no value yet" };
  }
  const stale = isStale(sample, now, staleAfter);
  const severity = severityOf(sample.quality);
  const parts = [formatTime(sample.time), qualityName(sample.quality), `${formatAge(now - sample.time)} ago`];
  if (stale) parts.push("stale");
  if (status) parts.push(`channel ${status}`);
  return { sample, severity, stale, status, describe: parts.join(" · ") };
}
