import type { ReactNode } from "react";
import { FieldError } from "../../../../components/FieldError";

/** A labelled input with its hint and error, tied together by ids for screen readers. */
export function FormField({
  id,
  label,
  hint,
  error,
  wide,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={wide ? "wide" : undefined}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** The input's id for a field name: "settings.address" → "channel-settings-address". */
export function inputId(field: string): string {
  return `channel-${field.replace(/\./g, "-")}`;
}

/** aria attributes of an input with this field's error. */
export function errorProps(field: string, error: string | undefined) {
  const id = inputId(field);
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": `${id}-error ${id}-hint` };
}
