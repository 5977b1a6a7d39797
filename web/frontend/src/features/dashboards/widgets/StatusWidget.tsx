import { memo } from "react";
import { useNow } from "../../../lib/clock";
import { useLiveChannels } from "../../../lib/live/hooks";
import type { LiveSample, LiveStore } from "../../../lib/live/LiveStore";
import { numeric } from "../../../lib/live/protocol";
import { severityOf } from "../../../lib/quality";
import { formatValue, thresholdColor } from "../components/format";
import { describeOnHover } from "../components/hoverTitle";
import { QualityMark } from "../components/QualityMark";
import { channelValueOf, type ChannelValue, DEFAULT_STALE_AFTER, isStale } from "../components/useChannelValue";
import type { WidgetOptions } from "../types";
import { NoChannels } from "./NoChannels";
import { channelLabel, type WidgetProps } from "./types";

/**
 * A lamp per channel: on (true or non-zero) or off, coloured by thresholds when given; grey with the reason when the
 * value is bad, uncertain or stale. One subscription for all lamps; only the lamps whose channel changed render again.
 */
export function StatusWidget({ widget, channels }: WidgetProps) {
  const live = useLiveChannels(widget.channelIds);
  const now = useNow();
  if (widget.channelIds.length === 0) return <NoChannels />;
  const staleAfter = widget.options.staleAfter ?? DEFAULT_STALE_AFTER;
  return (
    <ul className="status-list">
      {widget.channelIds.map((id) => {
        const sample = live.sample(id);
        return (
          <StatusLamp
            key={id}
            id={id}
            live={live}
            label={channelLabel(channels, id)}
            sample={sample}
            status={live.status(id)}
            stale={isStale(sample, now, staleAfter)}
            staleAfter={staleAfter}
            options={widget.options}
          />
        );
      })}
    </ul>
  );
}

interface LampProps {
  id: number;
  live: LiveStore;
  label: string;
  sample: LiveSample | undefined;
  status: string | undefined;
  stale: boolean;
  staleAfter: number;
  options: WidgetOptions;
}

const StatusLamp = memo(function StatusLamp({
  id,
  live,
  label,
  sample,
  status,
  stale,
  staleAfter,
  options,
}: LampProps) {
  const value: ChannelValue = {
    sample,
    severity: sample ? severityOf(sample.quality) : "none",
    stale,
    status,
    describe: "",
  };
  const number = numeric(sample?.value);
  const on = number !== null && number !== 0 && !Number.isNaN(number);
  const usable = sample !== undefined && value.severity !== "bad" && !status;
  const color = usable ? (thresholdColor(number, options.thresholds) ?? (on ? "var(--on)" : "var(--off)")) : undefined;
  const state = !usable ? "unknown" : on ? "on" : "off";
  const text = usable
    ? typeof sample?.value === "boolean" || options.onLabel || options.offLabel
      ? on
        ? (options.onLabel ?? "ON")
        : (options.offLabel ?? "OFF")
      : formatValue(sample?.value, options.decimals)
    : "—";
  return (
    <li
      className="status-item"
      data-channel-id={id}
      data-state={state}
      {...describeOnHover(() => channelValueOf(live.sample(id), live.status(id), Date.now(), staleAfter).describe)}
    >
      <span className={`lamp lamp-${state}`} style={color ? { background: color } : undefined} aria-hidden="true" />
      <span className="status-name">{label}</span>
      <span className="status-label" data-testid="status-label">
        {text}
      </span>
      <QualityMark value={value} />
    </li>
  );
});
