import { numeric } from "../../../lib/live/protocol";
import { formatValue, thresholdColor } from "../components/format";
import { QualityMark, valueClass } from "../components/QualityMark";
import { useChannelValue } from "../components/useChannelValue";
import { NoChannels } from "./NoChannels";
import { fraction, rangeOf } from "./scale";
import { channelLabel, channelUnit, type WidgetProps } from "./types";

const SWEEP = 240; // degrees of the dial, open at the bottom
const START = -210;

/** A dial from min to max with threshold bands, for the first bound channel. */
export function GaugeWidget({ widget, channels }: WidgetProps) {
  const id = widget.channelIds[0];
  if (id === undefined) return <NoChannels />;
  return <Gauge id={id} widget={widget} channels={channels} />;
}

function Gauge({ id, widget, channels }: WidgetProps & { id: number }) {
  const value = useChannelValue(id, widget.options.staleAfter);
  const { min, max } = rangeOf(widget.options);
  const number = numeric(value.sample?.value);
  const share = fraction(number, min, max);
  const usable = value.severity !== "bad" && value.severity !== "none" && !value.status;
  const color = thresholdColor(number, widget.options.thresholds) ?? "var(--accent)";
  const bands = (widget.options.thresholds ?? [])
    .slice()
    .sort((a, b) => a.value - b.value)
    .map((threshold, index, all) => ({
      from: fraction(threshold.value, min, max) ?? 0,
      to: index + 1 < all.length ? (fraction(all[index + 1].value, min, max) ?? 1) : 1,
      color: threshold.color,
    }));
  return (
    <div className="gauge" title={value.describe} data-channel-id={id}>
      <svg viewBox="0 0 200 160" role="img" aria-label={`${channelLabel(channels, id)} gauge from ${min} to ${max}`}>
        <path d={arc(0, 1, 80)} className="gauge-track" />
        {bands.map((band, index) => (
          <path key={index} d={arc(band.from, band.to, 92)} stroke={band.color} className="gauge-band" />
        ))}
        {share !== null && usable && <path d={arc(0, share, 80)} stroke={color} className="gauge-value" />}
        {/* At the dial's outer corners, so that a wide reading between them does not cover them. */}
        <text x="4" y="156" className="gauge-limit" textAnchor="start">
          {formatValue(min)}
        </text>
        <text x="196" y="156" className="gauge-limit" textAnchor="end">
          {formatValue(max)}
        </text>
      </svg>
      <div className="gauge-reading">
        <span className={valueClass(value)} data-testid="value">
          {formatValue(value.sample?.value, widget.options.decimals)}
        </span>{" "}
        <span className="unit">{channelUnit(channels, id)}</span>
        <div>
          <QualityMark value={value} />
        </div>
      </div>
    </div>
  );
}

/** An SVG arc along the dial from one fraction of the sweep to another. */
function arc(from: number, to: number, radius: number): string {
  const point = (share: number) => {
    const angle = ((START + SWEEP * share) * Math.PI) / 180;
    return `${100 + radius * Math.cos(angle)} ${100 + radius * Math.sin(angle)}`;
  };
  const large = (to - from) * SWEEP > 180 ? 1 : 0;
  return `M ${point(from)} A ${radius} ${radius} 0 ${large} 1 ${point(Math.max(to, from + 0.0001))}`;
}
