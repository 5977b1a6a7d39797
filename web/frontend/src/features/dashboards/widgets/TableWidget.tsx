import { qualityName } from "../../../lib/quality";
import { formatTime, formatValue } from "../components/format";
import { QualityMark, valueClass } from "../components/QualityMark";
import { useChannelValue } from "../components/useChannelValue";
import { NoChannels } from "./NoChannels";
import { channelLabel, channelUnit, type WidgetProps } from "./types";

/** The bound channels as rows: name, value, unit, quality and the sample's time. */
export function TableWidget({ widget, channels }: WidgetProps) {
  if (widget.channelIds.length === 0) return <NoChannels />;
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
        {widget.channelIds.map((id) => (
          <Row key={id} id={id} widget={widget} channels={channels} />
        ))}
      </tbody>
    </table>
  );
}

function Row({ id, widget, channels }: WidgetProps & { id: number }) {
  const value = useChannelValue(id, widget.options.staleAfter);
  return (
    <tr title={value.describe} data-channel-id={id}>
      <th scope="row">{channelLabel(channels, id)}</th>
      <td className="num">
        <span className={valueClass(value)} data-testid="value">
          {formatValue(value.sample?.value, widget.options.decimals)}
        </span>
      </td>
      <td>{channelUnit(channels, id)}</td>
      <td>
        {value.sample ? qualityName(value.sample.quality) : "—"} <QualityMark value={{ ...value, severity: "good" }} />
      </td>
      <td className="time">{value.sample ? formatTime(value.sample.time) : "—"}</td>
    </tr>
  );
}
