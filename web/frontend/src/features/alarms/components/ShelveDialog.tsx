import { type FormEvent, useState } from "react";
import { Dialog } from "../../../components/Dialog";
import { describeError } from "../../../lib/api/problem";
import { useShelve } from "../api/alarms";
import type { ActiveAlarm } from "../types";

/** The storage engine shelves for at most 24 h (parx.storage.alarms.max-shelve). */
export const SHELVE_DURATIONS = [
  { value: "PT15M", label: "15 minutes" },
  { value: "PT1H", label: "1 hour" },
  { value: "PT4H", label: "4 hours" },
  { value: "PT8H", label: "8 hours (a shift)" },
  { value: "PT24H", label: "24 hours" },
] as const;

/** Shelves an alarm for a chosen time (ENGINEER, ADMIN): it raises nothing until then. */
export function ShelveDialog({ alarm, onClose }: { alarm: ActiveAlarm; onClose: () => void }) {
  const [duration, setDuration] = useState<string>("PT1H");
  const shelve = useShelve();

  function submit(event: FormEvent) {
    event.preventDefault();
    shelve.mutate({ definitionId: alarm.definitionId, duration }, { onSuccess: onClose });
  }

  return (
    <Dialog
      open
      title={`Shelve “${alarm.name}”`}
      onClose={onClose}
      actions={
        <>
          <button
            type="submit"
            form="shelve-form"
            className="button-primary"
            disabled={shelve.isPending}
            data-testid="shelve-confirm"
          >
            Shelve
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </>
      }
    >
      <form id="shelve-form" onSubmit={submit}>
        <p>A shelved alarm raises nothing until the time is up; the journal and the audit log record who shelved it.</p>
        <label htmlFor="shelve-duration">Shelve for</label>
        <select
          id="shelve-duration"
          value={duration}
          onChange={(e) => setDuration(e.target.value)}
          data-testid="shelve-duration"
        >
          {SHELVE_DURATIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {shelve.error && (
          <p className="field-error" role="alert">
            Could not shelve: {describeError(shelve.error)}
          </p>
        )}
      </form>
    </Dialog>
  );
}
