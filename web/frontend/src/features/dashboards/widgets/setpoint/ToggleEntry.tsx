import type { WriteValue } from "../../../channels";
import type { SampleValue } from "../../../../lib/live/protocol";
import type { Labels } from "./setpoint";

interface Props {
  /** The live value: its button shows as pressed. */
  current: SampleValue | null | undefined;
  labels: Labels;
  disabled: boolean;
  onWrite: (value: WriteValue) => void;
}

/** On and off as two buttons; the one matching the live value is pressed. Either asks for confirmation first. */
export function ToggleEntry({ current, labels, disabled, onWrite }: Props) {
  return (
    <div className="setpoint-toggle" role="group" aria-label="Switch">
      {[true, false].map((state) => (
        <button
          key={String(state)}
          type="button"
          aria-pressed={current === state}
          disabled={disabled}
          onClick={() => onWrite(state)}
          data-testid={state ? "setpoint-on" : "setpoint-off"}
        >
          {state ? (labels.on ?? "On") : (labels.off ?? "Off")}
        </button>
      ))}
    </div>
  );
}
