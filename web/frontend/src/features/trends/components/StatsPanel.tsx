import { useState } from "react";
import { describeError } from "../../../lib/api/problem";
import { useStats } from "../api/useStats";
import type { PlotSeries } from "./chartOptions";

interface Props {
  /** The plotted channels with their labels (derived signals have no statistics endpoint). */
  series: PlotSeries[];
  channelIds: number[];
  from: number;
  to: number;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "medium" });

function num(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

function at(time: string | null | undefined): string {
  return time ? timeFormat.format(new Date(time)) : "";
}

/** Count, averages, extremes with their times, spread, percentiles and good share of each channel in view. */
export function StatsPanel({ series, channelIds, from, to }: Props) {
  const [open, setOpen] = useState(false);
  const stats = useStats(channelIds, from, to, open);
  return (
    <details
      className="trends-panel"
      open={open}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
      data-testid="stats-panel"
    >
      <summary>Statistics of the visible range</summary>
      {channelIds.length === 0 ? (
        <p className="muted">Statistics are computed for channels; plot one to see them.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Series</th>
              <th>count</th>
              <th>avg</th>
              <th>twa</th>
              <th>min</th>
              <th>max</th>
              <th>stddev</th>
              <th>p50</th>
              <th>p95</th>
              <th>p99</th>
              <th>good</th>
            </tr>
          </thead>
          <tbody>
            {channelIds.map((id, n) => {
              const label = series.find((s) => s.key === `c${id}`);
              const answer = stats[n];
              if (!answer?.data) {
                return (
                  <tr key={id}>
                    <td>{label?.label ?? `#${id}`}</td>
                    <td colSpan={10} className="muted">
                      {answer?.error ? describeError(answer.error) : "loading…"}
                    </td>
                  </tr>
                );
              }
              const s = answer.data;
              const unit = label?.unit ? ` ${label.unit}` : "";
              return (
                <tr key={id} data-testid="stats-row">
                  <td>{label?.label ?? `#${id}`}</td>
                  <td className="num" title={`${s.samples} samples, ${s.count} numeric`}>
                    {s.count}
                  </td>
                  <td className="num">{num(s.avg)}</td>
                  <td className="num">{num(s.twa)}</td>
                  <td className="num" title={at(s.minTime)}>
                    {num(s.min)}
                    {unit}
                    <br />
                    <span className="muted">{at(s.minTime)}</span>
                  </td>
                  <td className="num" title={at(s.maxTime)}>
                    {num(s.max)}
                    {unit}
                    <br />
                    <span className="muted">{at(s.maxTime)}</span>
                  </td>
                  <td className="num">{num(s.stddev)}</td>
                  <td className="num">{num(s.p50)}</td>
                  <td className="num">{num(s.p95)}</td>
                  <td className="num">{num(s.p99)}</td>
                  <td className="num">
                    {s.goodShare === null || s.goodShare === undefined ? "—" : `${(s.goodShare * 100).toFixed(1)} %`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="muted">Derived signals have no statistics here; their values are in the export.</p>
    </details>
  );
}
