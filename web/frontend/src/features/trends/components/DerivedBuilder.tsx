import { type FormEvent, useEffect, useId, useState } from "react";
import { FieldError } from "../../../components/FieldError";
import { ApiError, describeError } from "../../../lib/api/problem";
import type { EvaluateResult } from "../api/derived";
import { type DerivedSignal, useDeleteDerivedSignal, useEvaluateFormula, useSaveDerivedSignal } from "../api/derived";
import { FormulaEditor } from "./FormulaEditor";

interface Props {
  signals: DerivedSignal[] | undefined;
  mayChange: boolean;
  range: { from: number; to: number };
  maxPoints: number;
  plotted: number[];
  onPreview: (preview: { formula: string; result: EvaluateResult } | null) => void;
  onPlot: (id: number) => void;
}

/** Syntax is checked this long after the last key stroke, over one second so that it costs nothing. */
const CHECK_DELAY_MS = 500;

function syntaxError(error: unknown): { position: number | null; message: string } | null {
  if (!error) return null;
  if (error instanceof ApiError && typeof error.problem.position === "number") {
    return { position: error.problem.position, message: describeError(error) };
  }
  return { position: null, message: describeError(error) };
}

/**
 * Builds derived signals: a formula with channel completion, its syntax error underlined while typing, a preview over
 * the visible range plotted with the other series, and (ENGINEER, ADMIN) save and delete. Saved signals are listed
 * with a button to plot them.
 */
export function DerivedBuilder({ signals, mayChange, range, maxPoints, plotted, onPreview, onPlot }: Props) {
  const id = useId();
  const [formula, setFormula] = useState("");
  const [name, setName] = useState("");
  const [unit, setUnit] = useState("");
  const check = useEvaluateFormula();
  const preview = useEvaluateFormula();
  const save = useSaveDerivedSignal();
  const remove = useDeleteDerivedSignal();
  const { mutate: checkFormula, reset: resetCheck } = check;

  useEffect(() => {
    if (!formula.trim()) {
      resetCheck();
      return;
    }
    const timer = setTimeout(() => {
      const to = Date.now();
      checkFormula({ formula, from: new Date(to - 1000).toISOString(), to: new Date(to).toISOString(), maxPoints: 1 });
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [formula, checkFormula, resetCheck]);

  const error = syntaxError(save.error) ?? syntaxError(preview.error) ?? syntaxError(check.error);
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};

  const runPreview = () => {
    preview.mutate(
      {
        formula,
        from: new Date(range.from).toISOString(),
        to: new Date(range.to).toISOString(),
        maxPoints: Math.max(10, maxPoints),
      },
      { onSuccess: (result) => onPreview({ formula, result }) },
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { name: name.trim(), formula, unit: unit.trim() || undefined },
      {
        onSuccess: (signal) => {
          onPreview(null);
          onPlot(signal.id);
          setFormula("");
          setName("");
          setUnit("");
          preview.reset();
        },
      },
    );
  };

  return (
    <details className="derived-builder" data-testid="derived-builder">
      <summary>Derived signals</summary>
      <form onSubmit={onSubmit}>
        <FormulaEditor
          value={formula}
          onChange={(text) => {
            setFormula(text);
            save.reset();
            preview.reset();
          }}
          errorPosition={error?.position ?? null}
          errorMessage={error?.message ?? null}
        />
        <div className="builder-actions">
          <button
            type="button"
            onClick={runPreview}
            disabled={!formula.trim() || preview.isPending}
            data-testid="preview"
          >
            {preview.isPending ? "Previewing…" : "Preview"}
          </button>
          {preview.data && (
            <button type="button" className="button-quiet" onClick={() => onPreview(null)}>
              Clear preview
            </button>
          )}
        </div>
        {mayChange && (
          <>
            <label htmlFor={`${id}-name`}>Name</label>
            <input
              id={`${id}-name`}
              value={name}
              maxLength={200}
              onChange={(e) => setName(e.target.value)}
              aria-describedby={`${id}-name-error`}
              data-testid="derived-name"
            />
            <FieldError id={`${id}-name-error`} message={fieldErrors.name} />
            <label htmlFor={`${id}-unit`}>Unit</label>
            <input
              id={`${id}-unit`}
              value={unit}
              maxLength={50}
              onChange={(e) => setUnit(e.target.value)}
              data-testid="derived-unit"
            />
            <FieldError id={`${id}-unit-error`} message={fieldErrors.unit} />
            <button
              type="submit"
              className="button-primary"
              disabled={!formula.trim() || !name.trim() || save.isPending}
              data-testid="save-derived"
            >
              Save and plot
            </button>
          </>
        )}
      </form>
      <h3>Saved</h3>
      {remove.error ? <p className="field-error">{describeError(remove.error)}</p> : null}
      <ul className="derived-list" aria-label="Saved derived signals">
        {(signals ?? []).length === 0 && <li className="muted">None saved yet.</li>}
        {(signals ?? []).map((signal) => (
          <li key={signal.id} data-testid="derived-item">
            <span title={signal.formula}>
              {signal.name}
              {signal.unit ? <span className="muted"> [{signal.unit}]</span> : null}
            </span>
            <button
              type="button"
              className="button-quiet"
              disabled={plotted.includes(signal.id)}
              onClick={() => onPlot(signal.id)}
            >
              Plot
            </button>
            {mayChange && (
              <button
                type="button"
                className="button-quiet danger"
                aria-label={`Delete ${signal.name}`}
                onClick={() => {
                  if (window.confirm(`Delete the derived signal ${signal.name}?`)) remove.mutate(signal.id);
                }}
              >
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
