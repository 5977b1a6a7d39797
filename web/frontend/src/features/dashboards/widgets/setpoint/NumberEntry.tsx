import { type FormEvent, useId, useState } from "react";
import type { WriteValue } from "../../../channels";
import { FieldError } from "../../../../components/FieldError";
import { type Entry, type Limits, parseEntry } from "./setpoint";

interface Props {
  entry: Exclude<Entry, "toggle">;
  limits: Limits;
  unit: string;
  disabled: boolean;
  /** Called with a value that passed the checks; the widget asks for confirmation before sending it. */
  onWrite: (value: WriteValue) => void;
}

/** A number (or text) to write, checked against the channel's limits before the confirmation is asked. */
export function NumberEntry({ entry, limits, unit, disabled, onWrite }: Props) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseEntry(text, entry, limits, unit);
    setError(parsed.ok ? null : parsed.error);
    if (parsed.ok) onWrite(parsed.value);
  }

  return (
    <form className="setpoint-entry" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-value`} className="visually-hidden">
        New value{unit ? ` in ${unit}` : ""}
      </label>
      <input
        id={`${id}-value`}
        type={entry === "number" ? "number" : "text"}
        step="any"
        inputMode={entry === "number" ? "decimal" : undefined}
        min={limits.min}
        max={limits.max}
        maxLength={entry === "text" ? 1000 : undefined}
        placeholder="New value"
        value={text}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        aria-invalid={error !== null}
        aria-describedby={`${id}-error`}
        data-testid="setpoint-input"
      />
      {unit && <span className="unit">{unit}</span>}
      <button type="submit" className="button-primary" disabled={disabled} data-testid="setpoint-write">
        Write…
      </button>
      <FieldError id={`${id}-error`} message={error ?? undefined} />
    </form>
  );
}
