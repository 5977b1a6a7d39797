import { useId, useState } from "react";
import { describeError } from "../../../lib/api/problem";
import type { DerivedSignal } from "../api/derived";

interface Props {
  signals: DerivedSignal[] | undefined;
  error: unknown;
  selected: number[];
  full: boolean;
  onAdd: (id: number) => void;
}

/** Saved derived signals found by name, added to the plot like channels. */
export function DerivedPicker({ signals, error, selected, full, onAdd }: Props) {
  const [text, setText] = useState("");
  const id = useId();
  const term = text.trim().toLowerCase();
  const matches = (signals ?? []).filter(
    (s) => !selected.includes(s.id) && (s.name.toLowerCase().includes(term) || s.formula.toLowerCase().includes(term)),
  );
  return (
    <div className="derived-picker">
      <label htmlFor={`${id}-search`}>Find derived signals</label>
      <input
        id={`${id}-search`}
        type="search"
        value={text}
        maxLength={200}
        disabled={full}
        placeholder="name or formula"
        onChange={(e) => setText(e.target.value)}
        data-testid="derived-search"
      />
      {error ? <p className="field-error">{describeError(error)}</p> : null}
      {term && (
        <ul className="search-results" aria-label="Matching derived signals">
          {matches.length === 0 && <li className="muted">No saved signal matches.</li>}
          {matches.slice(0, 50).map((signal) => (
            <li key={signal.id}>
              <button
                type="button"
                className="result"
                data-testid="derived-result"
                onClick={() => {
                  onAdd(signal.id);
                  setText("");
                }}
              >
                <span>{signal.name}</span>
                <span className="muted">
                  {signal.unit ? `${signal.unit} · ` : ""}
                  {signal.formula}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
