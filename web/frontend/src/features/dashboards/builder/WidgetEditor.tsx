import { type FormEvent, useId, useState } from "react";
import { PRIORITIES } from "../../alarms";
import { type Channel, ChannelPicker } from "../../channels";
import { FieldError } from "../../../components/FieldError";
import { WINDOWS } from "../../../lib/duration";
import type { Widget, WidgetOptions } from "../types";
import { WIDGETS } from "../widgets/registry";
import { ThresholdsEditor } from "./ThresholdsEditor";
import { validate } from "./validation";

interface Props {
  widget: Widget;
  channels: Map<number, Channel> | undefined;
  /** Errors of the last save for this widget, by field ("w", "channelIds", "options"). */
  serverErrors: Record<string, string>;
  onApply: (widget: Widget) => void;
  onClose: () => void;
}

/** The selected widget's settings; "Apply" makes them one undo step of the dashboard. */
export function WidgetEditor({ widget, channels, serverErrors, onApply, onClose }: Props) {
  const [edited, setEdited] = useState<Widget>(widget);
  const spec = WIDGETS[widget.kind];
  const id = useId();
  const errors = { ...serverErrors, ...validate(edited) };
  const has = (group: string) => spec.options.includes(group as never);
  const option = <K extends keyof WidgetOptions>(key: K, value: WidgetOptions[K]) =>
    setEdited((old) => ({ ...old, options: clean({ ...old.options, [key]: value }) }));
  const number = (text: string): number | undefined => (text.trim() === "" ? undefined : Number(text));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (Object.keys(validate(edited)).length === 0) onApply(edited);
  }

  return (
    <aside className="editor" aria-label={`Settings of ${widget.title || spec.label}`}>
      <form onSubmit={submit} noValidate>
        <h2>
          {spec.label} widget <span className="muted">({widget.id})</span>
        </h2>
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          value={edited.title}
          maxLength={200}
          onChange={(e) => setEdited({ ...edited, title: e.target.value })}
          aria-describedby={`${id}-title-error`}
          data-testid="widget-title"
        />
        <FieldError id={`${id}-title-error`} message={errors.title} />

        {spec.maxChannels > 0 && (
          <>
            <ChannelPicker
              selected={edited.channelIds}
              max={spec.maxChannels}
              channels={channels}
              onChange={(channelIds) => setEdited({ ...edited, channelIds })}
            />
            <FieldError id={`${id}-channels-error`} message={errors.channelIds} />
          </>
        )}

        {has("window") && (
          <>
            <label htmlFor={`${id}-window`}>Time window</label>
            <select
              id={`${id}-window`}
              value={edited.options.window ?? "PT1H"}
              onChange={(e) => option("window", e.target.value)}
            >
              {WINDOWS.map((w) => (
                <option key={w.value} value={w.value}>
                  {w.label}
                </option>
              ))}
            </select>
          </>
        )}
        {has("range") && (
          <div className="field-pair">
            <div>
              <label htmlFor={`${id}-min`}>Min</label>
              <input
                id={`${id}-min`}
                type="number"
                step="any"
                value={edited.options.min ?? ""}
                onChange={(e) => option("min", number(e.target.value))}
              />
            </div>
            <div>
              <label htmlFor={`${id}-max`}>Max</label>
              <input
                id={`${id}-max`}
                type="number"
                step="any"
                value={edited.options.max ?? ""}
                onChange={(e) => option("max", number(e.target.value))}
                aria-describedby={`${id}-max-error`}
              />
              <FieldError id={`${id}-max-error`} message={errors.max} />
            </div>
          </div>
        )}
        {has("decimals") && (
          <>
            <label htmlFor={`${id}-decimals`}>Decimals</label>
            <input
              id={`${id}-decimals`}
              type="number"
              min={0}
              max={10}
              value={edited.options.decimals ?? ""}
              placeholder="automatic"
              onChange={(e) => option("decimals", number(e.target.value))}
            />
            <FieldError id={`${id}-decimals-error`} message={errors.decimals} />
          </>
        )}
        {has("stale") && (
          <>
            <label htmlFor={`${id}-stale`}>Mark stale after (seconds, 0 = never)</label>
            <input
              id={`${id}-stale`}
              type="number"
              min={0}
              value={edited.options.staleAfter ?? ""}
              placeholder="60"
              onChange={(e) => option("staleAfter", number(e.target.value))}
            />
            <FieldError id={`${id}-stale-error`} message={errors.staleAfter} />
          </>
        )}
        {has("labels") && (
          <div className="field-pair">
            <div>
              <label htmlFor={`${id}-on`}>Label for on/true</label>
              <input
                id={`${id}-on`}
                value={edited.options.onLabel ?? ""}
                maxLength={40}
                onChange={(e) => option("onLabel", e.target.value || undefined)}
              />
            </div>
            <div>
              <label htmlFor={`${id}-off`}>Label for off/false</label>
              <input
                id={`${id}-off`}
                value={edited.options.offLabel ?? ""}
                maxLength={40}
                onChange={(e) => option("offLabel", e.target.value || undefined)}
              />
            </div>
          </div>
        )}
        {has("step") && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={edited.options.step === true}
              onChange={(e) => option("step", e.target.checked || undefined)}
            />
            Draw steps (a value holds until the next)
          </label>
        )}
        {has("priority") && (
          <>
            <label htmlFor={`${id}-priority`}>Show alarms of priority</label>
            <select
              id={`${id}-priority`}
              value={edited.options.minPriority ?? ""}
              onChange={(e) => option("minPriority", (e.target.value || undefined) as WidgetOptions["minPriority"])}
              data-testid="widget-min-priority"
            >
              <option value="">any</option>
              {PRIORITIES.slice(1).map((priority) => (
                <option key={priority} value={priority}>
                  {priority} and higher
                </option>
              ))}
            </select>
          </>
        )}
        {has("thresholds") && (
          <ThresholdsEditor
            value={edited.options.thresholds ?? []}
            onChange={(t) => option("thresholds", t.length ? t : undefined)}
          />
        )}
        {has("text") && (
          <>
            <label htmlFor={`${id}-text`}>Text</label>
            <textarea
              id={`${id}-text`}
              rows={5}
              maxLength={5000}
              value={edited.options.text ?? ""}
              onChange={(e) => option("text", e.target.value)}
            />
          </>
        )}

        <fieldset className="position">
          <legend>Position on the grid (24 columns)</legend>
          {(["x", "y", "w", "h"] as const).map((field) => (
            <label key={field}>
              {{ x: "Column", y: "Row", w: "Width", h: "Height" }[field]}
              <input
                type="number"
                min={field === "w" || field === "h" ? 1 : 0}
                value={edited[field]}
                onChange={(e) => setEdited({ ...edited, [field]: e.target.valueAsNumber })}
                aria-describedby={`${id}-${field}-error`}
              />
              <FieldError id={`${id}-${field}-error`} message={errors[field]} />
            </label>
          ))}
        </fieldset>
        {errors.options && <p className="field-error">{errors.options}</p>}

        <div className="editor-actions">
          <button type="submit" className="button-primary">
            Apply
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </aside>
  );
}

/** Options without unset entries, so that the stored JSON stays small and readable. */
function clean(options: WidgetOptions): WidgetOptions {
  return Object.fromEntries(
    Object.entries(options).filter(
      ([, value]) => value !== undefined && !(typeof value === "number" && Number.isNaN(value)),
    ),
  ) as WidgetOptions;
}
