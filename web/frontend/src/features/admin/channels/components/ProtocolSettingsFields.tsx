import type { ChannelDraft, FieldErrors } from "../model/draft";
import { applicableFields, PROTOCOL_LABELS, type SettingField } from "../model/protocols";
import { errorProps, FormField } from "./FormField";

/** The settings of the draft's protocol; empty inputs show the default the server applies. */
export function ProtocolSettingsFields({
  draft,
  errors,
  passwordSet,
  onChange,
  onBrowse,
}: {
  draft: ChannelDraft;
  errors: FieldErrors;
  /** Whether a password is stored (it is never sent to the browser). */
  passwordSet: boolean;
  onChange: (name: string, value: string) => void;
  /** Opens the discovery dialog; absent for protocols without discovery and read-only forms. */
  onBrowse?: () => void;
}) {
  const fields = applicableFields(draft.protocol, draft.settings, draft.dataType);
  return (
    <fieldset className="channel-form wide" data-testid="protocol-settings">
      <legend>{PROTOCOL_LABELS[draft.protocol]} settings</legend>
      {onBrowse && (
        <div className="wide toolbar">
          <button type="button" onClick={onBrowse} data-testid="browse-server">
            Browse the {draft.protocol === "MQTT" ? "broker" : draft.protocol === "OPCUA" ? "server" : "device"}…
          </button>
          <span className="muted">
            {passwordSet ? "Type the password to browse with it (the stored one stays on the server). " : ""}
            Pick what to read instead of typing it.
          </span>
        </div>
      )}
      {fields.map((field) => {
        const key = `settings.${field.name}`;
        const error = errors[key];
        return (
          <FormField
            key={field.name}
            id={errorProps(key, error).id}
            label={field.required ? `${field.label} *` : field.label}
            hint={hintOf(field, passwordSet)}
            error={error}
          >
            <SettingInput
              field={field}
              value={draft.settings[field.name] ?? ""}
              error={error}
              passwordSet={passwordSet}
              onChange={(value) => onChange(field.name, value)}
            />
          </FormField>
        );
      })}
    </fieldset>
  );
}

function SettingInput({
  field,
  value,
  error,
  passwordSet,
  onChange,
}: {
  field: SettingField;
  value: string;
  error: string | undefined;
  passwordSet: boolean;
  onChange: (value: string) => void;
}) {
  const props = errorProps(`settings.${field.name}`, error);
  if (field.kind === "choice") {
    return (
      <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
        {field.defaultValue === undefined ? (
          <option value="">choose…</option>
        ) : (
          <option value="">default ({String(field.defaultValue)})</option>
        )}
        {field.choices?.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      {...props}
      type={field.kind === "password" ? "password" : "text"}
      inputMode={field.kind === "integer" ? "numeric" : field.kind === "number" ? "decimal" : undefined}
      autoComplete={field.kind === "password" ? "new-password" : "off"}
      value={value}
      maxLength={field.maxLength}
      placeholder={
        field.kind === "password"
          ? passwordSet
            ? "stored; type to replace"
            : ""
          : field.defaultValue !== undefined
            ? `default ${String(field.defaultValue)}`
            : ""
      }
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

function hintOf(field: SettingField, passwordSet: boolean): string | undefined {
  if (field.kind === "password") return passwordSet ? "A password is stored; leave empty to keep it." : undefined;
  const range =
    field.min !== undefined && field.max !== undefined
      ? `${field.min}–${field.max}`
      : field.min !== undefined
        ? `≥ ${field.min}`
        : undefined;
  return [field.hint, range].filter(Boolean).join("; ") || undefined;
}
