import { useId } from "react";
import { type Channel, ChannelPicker } from "../../../channels";
import type { Edge, DeadbandType, RuleDraft, TriggerStore } from "../ruleDraft";
import { Field, inWords } from "./fields";
import { FormulaField } from "./FormulaField";

type Set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => void;

/** The settings of the chosen mode: interval, deadband, event edge or trigger formula. */
export function ModeFields({
  draft,
  set,
  errors,
  formulaPosition,
  channels,
  readOnly,
}: {
  draft: RuleDraft;
  set: Set;
  errors: Record<string, string>;
  formulaPosition: number | null;
  channels: Map<number, Channel> | undefined;
  readOnly: boolean;
}) {
  const id = useId();
  switch (draft.mode) {
    case "CONTINUOUS":
      return (
        <Field
          id={`${id}-interval`}
          field="settings.intervalMs"
          label="Interval (ms)"
          hint={draft.intervalMs === "0" ? "0: every sample is stored" : `one sample per ${inWords(draft.intervalMs)}`}
          errors={errors}
        >
          <input
            id={`${id}-interval`}
            inputMode="numeric"
            value={draft.intervalMs}
            onChange={(e) => set("intervalMs", e.target.value)}
          />
        </Field>
      );
    case "CHANGE":
      return (
        <>
          <Field
            id={`${id}-deadband`}
            field="settings.deadband"
            label="Deadband"
            hint="A sample is stored when it leaves this band around the last stored value (0: every change)."
            errors={errors}
          >
            <input
              id={`${id}-deadband`}
              inputMode="decimal"
              value={draft.deadband}
              onChange={(e) => set("deadband", e.target.value)}
              data-testid="rule-deadband"
            />
          </Field>
          <Field id={`${id}-type`} field="settings.deadbandType" label="Deadband is" errors={errors}>
            <select
              id={`${id}-type`}
              value={draft.deadbandType}
              onChange={(e) => set("deadbandType", e.target.value as DeadbandType)}
            >
              <option value="ABSOLUTE">absolute (in the channel's unit)</option>
              <option value="PERCENT">percent of the last stored value (0–100)</option>
            </select>
          </Field>
          <Field
            id={`${id}-max`}
            field="settings.maxIntervalMs"
            label="Store at least every (ms)"
            hint={draft.maxIntervalMs === "0" ? "0: no minimum rate" : inWords(draft.maxIntervalMs)}
            errors={errors}
          >
            <input
              id={`${id}-max`}
              inputMode="numeric"
              value={draft.maxIntervalMs}
              onChange={(e) => set("maxIntervalMs", e.target.value)}
            />
          </Field>
        </>
      );
    case "EVENT":
      return (
        <>
          <div data-field="settings.conditionChannelId">
            <ChannelPicker
              selected={draft.conditionChannelId === null ? [] : [draft.conditionChannelId]}
              max={1}
              channels={channels}
              onChange={(ids) => !readOnly && set("conditionChannelId", ids[0] ?? null)}
            />
            {errors["settings.conditionChannelId"] && (
              <p className="field-error" role="alert">
                {errors["settings.conditionChannelId"]}
              </p>
            )}
          </div>
          <Field id={`${id}-edge`} field="settings.edge" label="Store on the condition's" errors={errors}>
            <select id={`${id}-edge`} value={draft.edge} onChange={(e) => set("edge", e.target.value as Edge)}>
              <option value="RISING">rising edge (false → true)</option>
              <option value="FALLING">falling edge (true → false)</option>
              <option value="BOTH">both edges</option>
            </select>
          </Field>
        </>
      );
    case "TRIGGER":
      return (
        <>
          <FormulaField
            id={`${id}-formula`}
            value={draft.formula}
            onChange={(value) => set("formula", value)}
            error={errors["settings.formula"]}
            position={formulaPosition}
            disabled={readOnly}
          />
          <Field id={`${id}-store`} field="settings.store" label="Store" errors={errors}>
            <select
              id={`${id}-store`}
              value={draft.store}
              onChange={(e) => set("store", e.target.value as TriggerStore)}
            >
              <option value="WHILE_TRUE">every sample while the formula is true</option>
              <option value="ON_TRANSITION">one sample when the formula becomes true</option>
            </select>
          </Field>
        </>
      );
  }
}
