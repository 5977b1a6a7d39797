import type { ReactNode } from "react";
import { FieldError } from "../../../../components/FieldError";

/** A labelled input with its hint and the (server's or form's) error under it; `field` is the API's field name. */
export function Field({
  id,
  field,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  field: string;
  label: string;
  hint?: ReactNode;
  errors: Record<string, string>;
  children: ReactNode;
}) {
  return (
    <div className="field" data-field={field}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <p className="hint">{hint}</p>}
      <FieldError id={`${id}-error`} message={errors[field]} />
    </div>
  );
}

/** Milliseconds in words, for hints next to ms fields. */
export function inWords(ms: string): string {
  const n = Number(ms);
  if (!Number.isFinite(n) || n <= 0) return "";
  if (n < 1000) return `${n} ms`;
  if (n < 60_000) return `${n / 1000} s`;
  if (n < 3_600_000) return `${Math.round((n / 60_000) * 10) / 10} min`;
  if (n < 86_400_000) return `${Math.round((n / 3_600_000) * 10) / 10} h`;
  return `${Math.round((n / 86_400_000) * 10) / 10} days`;
}
