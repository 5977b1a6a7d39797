import { memo } from "react";
import { useNow } from "../../../lib/clock";
import { useLiveChannels } from "../../../lib/live/hooks";
import type { LiveSample, LiveStore } from "../../../lib/live/LiveStore";
import { qualityName, severityOf } from "../../../lib/quality";
import { formatClock, formatValue } from "../components/format";
import { describeOnHover } from "../components/hoverTitle";
import { QualityMark, valueClass } from "../components/QualityMark";
import { channelValueOf, type ChannelValue, DEFAULT_STALE_AFTER, isStale } from "../components/useChannelValue";
import { NoChannels } from "./NoChannels";
import { channelLabel, channelUnit, type WidgetProps } from "./types";

/**
 * The bound channels as rows: name, value, unit, quality and the sample's time of day. One subscription for all rows
 * and memoised rows: a frame in which three of thirty channels changed renders three rows, and only their value and
 * (once a second) time cells change; the full time, quality and age are computed when the pointer enters a row.
 */
export function TableWidget({ widget, channels }: WidgetProps) {
  const live = useLiveChannels(widget.channelIds);
  const now = useNow();
  if (widget.channelIds.length === 0) return <NoChannels />;
  const staleAfter = widget.options.staleAfter ?? DEFAULT_STALE_AFTER;
  return (
    <table className="value-table">
      <thead>
        <tr>
          <th scope="col">Channel</th>
          <th scope="col" className="num">
            Value
          </th>
          <th scope="col">Unit</th>
          <th scope="col">Quality</th>
          <th scope="col">Time</th>
        </tr>
      </thead>
      <tbody>
        {widget.channelIds.map((id) => {
          const sample = live.sample(id);
          return (
            <Row
              key={id}
              id={id}
              live={live}
              label={channelLabel(channels, id)}
              unit={channelUnit(channels, id)}
              sample={sample}
              status={live.status(id)}
              stale={isStale(sample, now, staleAfter)}
              staleAfter={staleAfter}
              decimals={widget.options.decimals}
            />
          );
        })}
      </tbody>
    </table>
  );
}

interface RowProps {
  id: number;
  live: LiveStore;
  label: string;
  unit: string;
  sample: LiveSample | undefined;
  status: string | undefined;
  stale: boolean;
  staleAfter: number;
  decimals: number | undefined;
}

// Props are the sample object (the store keeps one per channel until the next arrives) and primitives, so a row whose
// channel did not change is skipped.
const Row = memo(function Row({ id, live, label, unit, sample, status, stale, staleAfter, decimals }: RowProps) {
  const value: ChannelValue = {
    sample,
    severity: sample ? severityOf(sample.quality) : "none",
    stale,
    status,
    describe: "",
  };
  return (
    <tr
      data-channel-id={id}
      {...describeOnHover(() => channelValueOf(live.sample(id), live.status(id), Date.now(), staleAfter).describe)}
    >
      <th scope="row">{label}</th>
      <td className="num">
        <span className={valueClass(value)} data-testid="value">
          {formatValue(sample?.value, decimals)}
        </span>
      </td>
      <td>{unit}</td>
      <td>
        {sample ? qualityName(sample.quality) : "—"} <QualityMark value={{ ...value, severity: "good" }} />
      </td>
      <td className="time">{sample ? formatClock(sample.time) : "—"}</td>
    </tr>
  );
});
