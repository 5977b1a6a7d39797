import { useEffect, useRef } from "react";
import { FieldError } from "../../../../components/FieldError";

/**
 * The trigger formula. A syntax error from the admin-api (400 /problems/formula-syntax with a 0-based `position`)
 * is marked under the formula with a caret, and the cursor is put there.
 */
export function FormulaField({
  id,
  value,
  onChange,
  error,
  position,
  disabled,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  position: number | null;
  disabled: boolean;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (position === null || !ref.current) return;
    ref.current.focus();
    ref.current.setSelectionRange(position, Math.min(position + 1, ref.current.value.length));
  }, [position]);
  const line = position !== null ? lineAt(value, position) : null;
  return (
    <>
      <label htmlFor={id}>Formula (true stores the rule's channels; see FORMULAS.md)</label>
      <textarea
        id={id}
        ref={ref}
        rows={3}
        maxLength={2000}
        spellCheck={false}
        value={value}
        disabled={disabled}
        placeholder="[Furnace Temp] > 80 && #7 < 2"
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={`${id}-error`}
        aria-invalid={error ? true : undefined}
        data-testid="rule-formula"
      />
      {line && (
        <pre className="formula-error" aria-hidden="true" data-testid="formula-caret">
          {line.text}
          {"\n"}
          {" ".repeat(line.column)}^
        </pre>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </>
  );
}

/** The line of a multi-line formula holding the position, and the column in it. */
export function lineAt(text: string, position: number): { text: string; column: number } {
  const at = Math.max(0, Math.min(position, text.length));
  const start = text.lastIndexOf("\n", at - 1) + 1;
  const end = text.indexOf("\n", at);
  return { text: text.slice(start, end === -1 ? undefined : end), column: at - start };
}
