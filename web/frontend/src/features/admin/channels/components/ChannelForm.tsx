import type { ChannelDraft, FieldErrors } from "../model/draft";
import { DATA_TYPES, PROTOCOL_LABELS, PROTOCOLS, type Protocol } from "../model/protocols";
import { errorProps, FormField } from "./FormField";
import { ProtocolSettingsFields } from "./ProtocolSettingsFields";

type TextField = "name" | "description" | "unit" | "scale" | "offset" | "pollIntervalMs" | "collector" | "tags";

const TEXT_FIELDS: { name: TextField; label: string; maxLength: number; placeholder?: string; hint?: string }[] = [
  { name: "name", label: "Name *", maxLength: 200, hint: "unique; letters, digits, space and _ . : / -" },
  { name: "unit", label: "Unit", maxLength: 50, placeholder: "e.g. °C" },
  { name: "scale", label: "Scale", maxLength: 40, placeholder: "default 1", hint: "value = raw × scale + offset" },
  { name: "offset", label: "Offset", maxLength: 40, placeholder: "default 0" },
  {
    name: "pollIntervalMs",
    label: "Poll interval (ms)",
    maxLength: 9,
    placeholder: "default 1000",
    hint: "10–86400000",
  },
  { name: "collector", label: "Collector", maxLength: 100, placeholder: "any", hint: "instance name; empty: any" },
  { name: "tags", label: "Tags", maxLength: 5200, placeholder: "line1, temperature", hint: "separated by commas" },
  { name: "description", label: "Description", maxLength: 2000 },
];

/**
 * The channel's fields and its protocol's settings. Read-only (a disabled fieldset, no controls to change it) for
 * roles that may not write channels.
 */
export function ChannelForm({
  draft,
  errors,
  readOnly,
  passwordSet,
  onChange,
  onBrowse,
}: {
  draft: ChannelDraft;
  errors: FieldErrors;
  readOnly: boolean;
  passwordSet: boolean;
  onChange: (draft: ChannelDraft) => void;
  onBrowse?: () => void;
}) {
  return (
    <fieldset className="channel-form" disabled={readOnly} data-testid="channel-form">
      <legend className="visually-hidden">Channel</legend>
      {TEXT_FIELDS.map((field) => (
        <FormField
          key={field.name}
          id={errorProps(field.name, undefined).id}
          label={field.label}
          hint={field.hint}
          error={errors[field.name]}
          wide={field.name === "description"}
        >
          <input
            {...errorProps(field.name, errors[field.name])}
            value={draft[field.name]}
            maxLength={field.maxLength}
            placeholder={field.placeholder}
            autoComplete="off"
            onChange={(e) => onChange({ ...draft, [field.name]: e.target.value })}
          />
        </FormField>
      ))}
      <FormField id={errorProps("dataType", undefined).id} label="Data type *" error={errors.dataType}>
        <select
          {...errorProps("dataType", errors.dataType)}
          value={draft.dataType}
          onChange={(e) => onChange({ ...draft, dataType: e.target.value as ChannelDraft["dataType"] })}
        >
          <option value="">choose…</option>
          {DATA_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id={errorProps("protocol", undefined).id} label="Protocol *" error={errors.protocol}>
        <select
          {...errorProps("protocol", errors.protocol)}
          value={draft.protocol}
          onChange={(e) => onChange({ ...draft, protocol: e.target.value as Protocol, settings: {} })}
        >
          {PROTOCOLS.map((protocol) => (
            <option key={protocol} value={protocol}>
              {PROTOCOL_LABELS[protocol]}
            </option>
          ))}
        </select>
      </FormField>
      <div>
        <label className="checkbox" htmlFor="channel-enabled">
          <input
            id="channel-enabled"
            type="checkbox"
            checked={draft.enabled}
            onChange={(e) => onChange({ ...draft, enabled: e.target.checked })}
          />
          Enabled (the collector reads it)
        </label>
      </div>
      <ProtocolSettingsFields
        draft={draft}
        errors={errors}
        passwordSet={passwordSet}
        onChange={(name, value) => onChange({ ...draft, settings: { ...draft.settings, [name]: value } })}
        onBrowse={readOnly ? undefined : onBrowse}
      />
    </fieldset>
  );
}
