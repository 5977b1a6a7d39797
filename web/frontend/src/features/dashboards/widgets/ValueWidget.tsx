import { numeric } from "../../../lib/live/protocol";
import { formatValue, thresholdColor } from "../components/format";
import { QualityMark, valueClass } from "../components/QualityMark";
import { useChannelValue } from "../components/useChannelValue";
import { NoChannels } from "./NoChannels";
import { channelLabel, channelUnit, type WidgetProps } from "./types";

/** The current value of each bound channel, large, with unit, quality and age. */
export function ValueWidget({ widget, channels }: WidgetProps) {
  if (widget.channelIds.length === 0) return <NoChannels />;
  const single = widget.channelIds.length === 1;
  return (
    <div className={single ? "value-single" : "value-list"}>
      {widget.channelIds.map((id) => (
        <ValueRow key={id} id={id} widget={widget} channels={channels} showName={!single} />
      ))}
    </div>
  );
}

function ValueRow({ id, widget, channels, showName }: WidgetProps & { id: number; showName: boolean }) {
  const value = useChannelValue(id, widget.options.staleAfter);
  const color = thresholdColor(numeric(value.sample?.value) ?? null, widget.options.thresholds);
  return (
    <div className="value-row" title={value.describe} data-channel-id={id}>
      {showName && <span className="value-name">{channelLabel(channels, id)}</span>}
      <span className={valueClass(value)} style={color ? { color } : undefined} data-testid="value">
        {formatValue(value.sample?.value, widget.options.decimals, {
          on: widget.options.onLabel,
          off: widget.options.offLabel,
        })}
      </span>
      <span className="unit">{channelUnit(channels, id)}</span>
      <QualityMark value={value} />
    </div>
  );
}
