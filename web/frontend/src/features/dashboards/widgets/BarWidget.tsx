import { numeric } from "../../../lib/live/protocol";
import { formatValue, thresholdColor } from "../components/format";
import { QualityMark, valueClass } from "../components/QualityMark";
import { useChannelValue } from "../components/useChannelValue";
import { NoChannels } from "./NoChannels";
import { fraction, rangeOf } from "./scale";
import { channelLabel, channelUnit, type WidgetProps } from "./types";

/**
 * One horizontal bar per channel on a common scale from min to max: compares like values (zone temperatures, drive
 * loads). PROGRESS draws the same bar with the share in percent.
 */
export function BarWidget({ widget, channels }: WidgetProps) {
  return <Bars widget={widget} channels={channels} percent={false} />;
}

/** A progress bar between min and max per channel, with the share in percent. */
export function ProgressWidget({ widget, channels }: WidgetProps) {
  return <Bars widget={widget} channels={channels} percent />;
}

function Bars({ widget, channels, percent }: WidgetProps & { percent: boolean }) {
  if (widget.channelIds.length === 0) return <NoChannels />;
  return (
    <ul className="bars">
      {widget.channelIds.map((id) => (
        <Bar key={id} id={id} widget={widget} channels={channels} percent={percent} />
      ))}
    </ul>
  );
}

function Bar({ id, widget, channels, percent }: WidgetProps & { id: number; percent: boolean }) {
  const value = useChannelValue(id, widget.options.staleAfter);
  const { min, max } = rangeOf(widget.options);
  const number = numeric(value.sample?.value);
  const share = fraction(number, min, max);
  const usable = share !== null && value.severity !== "bad" && !value.status;
  const color = thresholdColor(number, widget.options.thresholds);
  const text =
    percent && share !== null
      ? `${Math.round(share * 100)} %`
      : formatValue(value.sample?.value, widget.options.decimals);
  return (
    <li className="bar-row" title={value.describe} data-channel-id={id}>
      <span className="bar-name">{channelLabel(channels, id)}</span>
      <span
        className="bar-track"
        role="meter"
        aria-valuemin={min}
        aria-valuemax={max}
        aria-valuenow={number ?? undefined}
        aria-label={channelLabel(channels, id)}
      >
        {usable && (
          <span
            className="bar-fill"
            style={{ width: `${(share ?? 0) * 100}%`, ...(color ? { background: color } : {}) }}
          />
        )}
      </span>
      <span className={valueClass(value)} data-testid="value">
        {text}
      </span>
      {!percent && <span className="unit">{channelUnit(channels, id)}</span>}
      <QualityMark value={value} />
    </li>
  );
}
