/** A short input of digits only, inline with its label (a count, an address, seconds). */
export function WholeNumberInput({
  id,
  label,
  ariaLabel,
  suffix,
  value,
  maxLength,
  onChange,
}: {
  id?: string;
  label: string;
  ariaLabel: string;
  suffix?: string;
  value: string;
  maxLength: number;
  onChange: (value: string) => void;
}) {
  return (
    <label className="inline-field">
      {label}
      <input
        id={id}
        className="narrow"
        inputMode="numeric"
        aria-label={ariaLabel}
        value={value}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, ""))}
      />
      {suffix}
    </label>
  );
}
