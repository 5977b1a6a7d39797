import { useNow } from "../../../lib/clock";
import { useChannelStatus, useLiveSample, useWatch } from "../../../lib/live/hooks";
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
  useWatch([channelId]);
  const sample = useLiveSample(channelId);
  const status = useChannelStatus(channelId);
  const now = useNow();
  if (!sample) {
    return { sample, severity: "none", stale: false, status, describe: status ? `channel ${status}` : "no value yet" };
  }
  const age = now - sample.time;
  const stale = staleAfter > 0 && age > staleAfter * 1000;
  const severity = severityOf(sample.quality);
  const parts = [formatTime(sample.time), qualityName(sample.quality), `${formatAge(age)} ago`];
  if (stale) parts.push("stale");
  if (status) parts.push(`channel ${status}`);
  return { sample, severity, stale, status, describe: parts.join(" · ") };
}
