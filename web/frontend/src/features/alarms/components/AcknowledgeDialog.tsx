import { type FormEvent, useState } from "react";
import { Dialog } from "../../../components/Dialog";
import { describeError } from "../../../lib/api/problem";
import { useAcknowledge } from "../api/alarms";
import type { ActiveAlarm } from "../types";

/** Acknowledges one alarm with an optional comment (kept in the journal and the audit log). */
export function AcknowledgeDialog({ alarm, onClose }: { alarm: ActiveAlarm; onClose: () => void }) {
  const [comment, setComment] = useState("");
  const acknowledge = useAcknowledge();

  function submit(event: FormEvent) {
    event.preventDefault();
    acknowledge.mutate(
      { definitionId: alarm.definitionId, comment: comment.trim() || undefined },
      { onSuccess: onClose },
    );
  }

  return (
    <Dialog
      open
      title={`Acknowledge “${alarm.name}”`}
      onClose={onClose}
      actions={
        <>
          <button
            type="submit"
            form="acknowledge-form"
            className="button-primary"
            disabled={acknowledge.isPending}
            data-testid="acknowledge-confirm"
          >
            Acknowledge
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </>
      }
    >
      <form id="acknowledge-form" onSubmit={submit}>
        <p>{alarm.message}</p>
        <label htmlFor="acknowledge-comment">Comment (optional)</label>
        <textarea
          id="acknowledge-comment"
          rows={3}
          maxLength={1000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          data-testid="acknowledge-comment"
        />
        {acknowledge.error && (
          <p className="field-error" role="alert">
            Could not acknowledge: {describeError(acknowledge.error)}
          </p>
        )}
      </form>
    </Dialog>
  );
}
