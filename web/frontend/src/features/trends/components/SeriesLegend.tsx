import type { PlotSeries } from "./chartOptions";

interface Props {
  series: PlotSeries[];
  hidden: string[];
  onToggle: (key: string) => void;
  onRemove: (key: string) => void;
}

/** The plotted series with their colour and unit: click to hide or show, ✕ to remove. */
export function SeriesLegend({ series, hidden, onToggle, onRemove }: Props) {
  if (series.length === 0) return null;
  return (
    <ul className="series-legend" aria-label="Plotted series">
      {series.map((s) => {
        const off = hidden.includes(s.key);
        return (
          <li key={s.key} className={off ? "series-off" : undefined} data-testid="legend-item" data-key={s.key}>
            <button
              type="button"
              className="series-toggle"
              aria-pressed={!off}
              title={off ? "Show" : "Hide"}
              onClick={() => onToggle(s.key)}
            >
              <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
              <span>
                {s.label}
                {s.unit ? <span className="muted"> [{s.unit}]</span> : null}
              </span>
            </button>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove ${s.label}`}
              onClick={() => onRemove(s.key)}
            >
              ✕
            </button>
          </li>
        );
      })}
    </ul>
  );
}
