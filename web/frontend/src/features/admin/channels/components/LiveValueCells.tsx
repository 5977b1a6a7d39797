import { qualityName } from "../../../../lib/quality";
import { formatValue } from "../../../dashboards/components/format";
import { valueClass } from "../../../dashboards/components/QualityMark";
import { useChannelValue } from "../../../dashboards/components/useChannelValue";
import type { Channel } from "../types";

/** Two cells: the channel's live value with its unit, and its quality by name (stale or the channel's state too). */
export function LiveValueCells({ channel }: { channel: Channel }) {
  // a value is stale after three missed polls, but not sooner than the dashboards' 60 s
  const value = useChannelValue(channel.id, Math.max(60, (channel.pollIntervalMs * 3) / 1000));
  const quality = value.sample ? qualityName(value.sample.quality) : "";
  const notes = [value.stale ? "stale" : "", value.status ?? ""].filter(Boolean).join(", ");
  return (
    <>
      <td className="num" title={value.describe} data-testid={`live-value-${channel.id}`}>
        <span className={valueClass(value)}>{formatValue(value.sample?.value)}</span>
        {value.sample && channel.unit && <span className="unit"> {channel.unit}</span>}
      </td>
      <td data-testid={`live-quality-${channel.id}`} data-severity={value.severity}>
        {quality ? (
          <span className={`quality quality-${value.severity}`}>{quality}</span>
        ) : (
          <span className="muted">—</span>
        )}
        {notes && <span className="mark mark-stale"> {notes}</span>}
      </td>
    </>
  );
}
