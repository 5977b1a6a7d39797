import { qualityName, severityOf } from "../../../lib/quality";
import { type Joined, pointAtOrBefore } from "../model/chartData";
import { formatOffset, type PlotSeries } from "./chartOptions";

interface Props {
  series: PlotSeries[];
  data: Joined;
  index: number | null;
  hidden: string[];
  timeAxis: boolean;
}

const timeFormat = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  fractionalSecondDigits: 3,
  timeZoneName: "short",
});

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

/** Every visible series' value and quality at the cursor's time (the last point at or before it). */
export function Readout({ series, data, index, hidden, timeAxis }: Props) {
  if (index === null || index < 0 || index >= data.xs.length) {
    return <p className="readout muted">Point at the plot to read values.</p>;
  }
  const x = data.xs[index];
  return (
    <div className="readout" data-testid="readout" aria-live="off">
      <strong>{timeAxis ? timeFormat.format(new Date(x * 1000)) : formatOffset(x)}</strong>
      {series.map((s, n) => {
        if (hidden.includes(s.key)) return null;
        const at = pointAtOrBefore(data.ys[n] ?? [], index);
        const value = at < 0 ? undefined : data.ys[n][at];
        const quality = at < 0 ? undefined : data.qualities[n][at];
        const severity = quality === undefined ? "good" : severityOf(quality);
        return (
          <span key={s.key} className={`readout-item readout-${severity}`}>
            <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
            {s.label}: {typeof value === "number" ? formatNumber(value) : "—"}
            {s.unit && typeof value === "number" ? ` ${s.unit}` : ""}
            {quality !== undefined && quality !== 0 ? ` (${qualityName(quality)})` : ""}
          </span>
        );
      })}
    </div>
  );
}
