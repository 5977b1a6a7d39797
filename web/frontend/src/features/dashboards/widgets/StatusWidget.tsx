import { numeric } from "../../../lib/live/protocol";
import { formatValue, thresholdColor } from "../components/format";
import { QualityMark } from "../components/QualityMark";
import { useChannelValue } from "../components/useChannelValue";
import { NoChannels } from "./NoChannels";
import { channelLabel, type WidgetProps } from "./types";

/**
 * A lamp per channel: on (true or non-zero) or off, coloured by thresholds when given; grey with the reason when the
 * value is bad, uncertain or stale.
 */
export function StatusWidget({ widget, channels }: WidgetProps) {
  if (widget.channelIds.length === 0) return <NoChannels />;
  return (
    <ul className="status-list">
      {widget.channelIds.map((id) => (
        <StatusLamp key={id} id={id} widget={widget} channels={channels} />
      ))}
    </ul>
  );
}

function StatusLamp({ id, widget, channels }: WidgetProps & { id: number }) {
  const value = useChannelValue(id, widget.options.staleAfter);
  const number = numeric(value.sample?.value);
  const on = number !== null && number !== 0 && !Number.isNaN(number);
  const usable = value.sample !== undefined && value.severity !== "bad" && !value.status;
  const color = usable
    ? (thresholdColor(number, widget.options.thresholds) ?? (on ? "var(--on)" : "var(--off)"))
    : undefined;
  const state = !usable ? "unknown" : on ? "on" : "off";
  const label = usable
    ? typeof value.sample?.value === "boolean" || widget.options.onLabel || widget.options.offLabel
      ? on
        ? (widget.options.onLabel ?? "ON")
        : (widget.options.offLabel ?? "OFF")
      : formatValue(value.sample?.value, widget.options.decimals)
    : "—";
  return (
    <li className="status-item" title={value.describe} data-channel-id={id} data-state={state}>
      <span className={`lamp lamp-${state}`} style={color ? { background: color } : undefined} aria-hidden="true" />
      <span className="status-name">{channelLabel(channels, id)}</span>
      <span className="status-label" data-testid="status-label">
        {label}
      </span>
      <QualityMark value={value} />
    </li>
  );
}
