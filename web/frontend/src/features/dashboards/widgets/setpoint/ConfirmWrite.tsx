import { Dialog } from "../../../../components/Dialog";
import type { Channel, WriteValue } from "../../../channels";
import { confirmQuestion, type Labels } from "./setpoint";

interface Props {
  value: WriteValue;
  channel: Channel;
  labels: Labels;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Write 72.5 °C to Furnace setpoint?": nothing reaches the device before the user says so here. */
export function ConfirmWrite({ value, channel, labels, pending, onConfirm, onCancel }: Props) {
  return (
    <Dialog
      open
      title="Write to the device"
      onClose={pending ? () => undefined : onCancel}
      actions={
        <>
          <button
            type="button"
            className="button-primary"
            onClick={onConfirm}
            disabled={pending}
            data-testid="setpoint-confirm"
          >
            {pending ? "Writing…" : "Write"}
          </button>
          <button type="button" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
        </>
      }
    >
      <p className="setpoint-question" data-testid="setpoint-question">
        {confirmQuestion(value, channel, labels)}
      </p>
      <p className="muted">The value is sent to the device once and read back; the write is audited.</p>
    </Dialog>
  );
}
