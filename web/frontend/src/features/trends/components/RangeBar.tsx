import { useEffect, useState } from "react";
import { userTimeZone } from "../model/query";
import {
  AGGREGATES,
  absolute,
  type Aggregate,
  INTERVALS,
  type Interval,
  PRESETS,
  resolveRange,
  type TrendView,
} from "../model/view";

interface Props {
  view: TrendView;
  now: number;
  canBack: boolean;
  canForward: boolean;
  onChange: (view: TrendView, zoomStep: boolean) => void;
  onBack: () => void;
  onForward: () => void;
}

const AGGREGATE_LABELS: Record<Aggregate, string> = {
  avg: "average",
  twa: "time-weighted average",
  minmax: "min/max band",
  first: "first",
  last: "last",
  count: "count",
};

/** "2026-12-04T10:15:00" in the browser's time zone, for datetime-local inputs. */
function localInput(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

function offsetName(ms: number): string {
  const part = new Intl.DateTimeFormat(undefined, { timeZoneName: "shortOffset" })
    .formatToParts(new Date(ms))
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? "";
}

/** Range presets, absolute from/to in the user's time zone, back/forward, follow-live, interval and drawing. */
export function RangeBar({ view, now, canBack, canForward, onChange, onBack, onForward }: Props) {
  const { from, to } = resolveRange(view.range, now);
  const [fromText, setFromText] = useState(localInput(from));
  const [toText, setToText] = useState(localInput(to));
  useEffect(() => {
    setFromText(localInput(from));
    setToText(localInput(to));
  }, [from, to]);
  const applyAbsolute = () => {
    const start = new Date(fromText).getTime();
    const end = new Date(toText).getTime();
    if (Number.isFinite(start) && Number.isFinite(end) && end > start)
      onChange({ ...view, live: false, range: absolute(start, end, Date.now()) }, true);
  };
  const preset = view.range.kind === "relative" ? view.range.duration : null;
  const followLive = (live: boolean) => {
    const span = Math.max(1, Math.round((to - from) / 1000));
    onChange(
      { ...view, live, range: live ? { kind: "relative", duration: preset ?? `PT${span}S` } : view.range },
      false,
    );
  };
  return (
    <div className="range-bar" role="toolbar" aria-label="Time range">
      <div className="range-group">
        <button type="button" className="button-quiet" onClick={onBack} disabled={!canBack} aria-label="Back">
          ◀
        </button>
        <button type="button" className="button-quiet" onClick={onForward} disabled={!canForward} aria-label="Forward">
          ▶
        </button>
      </div>
      <div className="range-group" aria-label="Last">
        {PRESETS.map((p) => (
          <button
            key={p.duration}
            type="button"
            className={preset === p.duration ? "preset preset-active" : "preset"}
            aria-pressed={preset === p.duration}
            onClick={() => onChange({ ...view, range: { kind: "relative", duration: p.duration } }, true)}
          >
            {p.label}
          </button>
        ))}
      </div>
      <form
        className="range-group"
        onSubmit={(event) => {
          event.preventDefault();
          applyAbsolute();
        }}
      >
        <label>
          From{" "}
          <input
            type="datetime-local"
            step={1}
            value={fromText}
            onChange={(e) => setFromText(e.target.value)}
            data-testid="range-from"
          />
        </label>
        <label>
          to{" "}
          <input
            type="datetime-local"
            step={1}
            value={toText}
            onChange={(e) => setToText(e.target.value)}
            data-testid="range-to"
          />
        </label>
        <span className="muted" data-testid="time-zone">
          {userTimeZone()} ({offsetName(from)})
        </span>
        <button type="submit" className="button-quiet">
          Apply
        </button>
      </form>
      <div className="range-group">
        <label>
          <input
            type="checkbox"
            checked={view.live}
            onChange={(e) => followLive(e.target.checked)}
            data-testid="follow-live"
          />{" "}
          Follow live
        </label>
        <label>
          Interval{" "}
          <select
            value={view.interval}
            onChange={(e) => onChange({ ...view, interval: e.target.value as Interval }, false)}
            data-testid="interval"
          >
            {INTERVALS.map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </select>
        </label>
        <label>
          Aggregate{" "}
          <select
            value={view.aggregate}
            disabled={view.interval === "raw"}
            onChange={(e) => onChange({ ...view, aggregate: e.target.value as Aggregate }, false)}
            data-testid="aggregate"
          >
            {AGGREGATES.map((a) => (
              <option key={a} value={a}>
                {AGGREGATE_LABELS[a]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={view.step}
            onChange={(e) => onChange({ ...view, step: e.target.checked }, false)}
          />{" "}
          Steps
        </label>
      </div>
    </div>
  );
}
