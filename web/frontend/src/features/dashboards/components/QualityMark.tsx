import { qualityName } from "../../../lib/quality";
import type { ChannelValue } from "./useChannelValue";

/**
 * What is wrong with a value, visibly and in words (not by colour alone): bad, uncertain, stale, or the channel
 * disabled or deleted. Nothing for a good, fresh value. The quality's name is also the mark's hover text, for cards too
 * narrow to show all of it.
 */
export function QualityMark({ value }: { value: ChannelValue }) {
  const { sample, severity, stale, status } = value;
  if (status) return <span className="mark mark-status">{status}</span>;
  if (!sample) return null;
  if (severity === "bad") {
    return (
      <span className="mark mark-bad" data-quality="bad" title={qualityName(sample.quality)}>
        {qualityName(sample.quality)}
      </span>
    );
  }
  if (severity === "uncertain") {
    return (
      <span className="mark mark-uncertain" data-quality="uncertain" title={qualityName(sample.quality)}>
        {qualityName(sample.quality)}
      </span>
    );
  }
  if (stale) {
    return (
      <span className="mark mark-stale" data-quality="stale">
        stale
      </span>
    );
  }
  return null;
}

/** The CSS class of a value by its state: the number itself is dimmed, struck or tinted. */
export function valueClass(value: ChannelValue): string {
  if (value.status) return "value value-status";
  if (value.severity === "bad") return "value value-bad";
  if (value.severity === "uncertain") return "value value-uncertain";
  if (value.stale) return "value value-stale";
  return "value";
}
