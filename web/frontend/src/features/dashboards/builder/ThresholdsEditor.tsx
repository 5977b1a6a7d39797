import type { Threshold } from "../types";

const DEFAULT_COLORS = ["#2f855a", "#d69e2e", "#c53030"];

/** Thresholds as rows of value and colour: from each value upwards its colour applies. */
export function ThresholdsEditor({ value, onChange }: { value: Threshold[]; onChange: (next: Threshold[]) => void }) {
  const set = (index: number, patch: Partial<Threshold>) =>
    onChange(value.map((threshold, i) => (i === index ? { ...threshold, ...patch } : threshold)));
  return (
    <fieldset className="thresholds">
      <legend>Thresholds</legend>
      {value.length === 0 && <p className="muted">None: values keep the default colour.</p>}
      {value.map((threshold, index) => (
        <div className="threshold-row" key={index}>
          <label>
            From
            <input
              type="number"
              step="any"
              value={Number.isFinite(threshold.value) ? threshold.value : ""}
              onChange={(e) => set(index, { value: e.target.valueAsNumber })}
              aria-label={`Threshold ${index + 1} value`}
            />
          </label>
          <label>
            Colour
            <input
              type="color"
              value={threshold.color}
              onChange={(e) => set(index, { color: e.target.value })}
              aria-label={`Threshold ${index + 1} colour`}
            />
          </label>
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove threshold ${index + 1}`}
            onClick={() => onChange(value.filter((_, i) => i !== index))}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button-quiet"
        onClick={() =>
          onChange([
            ...value,
            {
              value: value.length ? value[value.length - 1].value + 10 : 0,
              color: DEFAULT_COLORS[value.length % DEFAULT_COLORS.length],
            },
          ])
        }
      >
        Add threshold
      </button>
    </fieldset>
  );
}
