import { useState } from "react";
import { hasRole } from "../../../lib/auth/roles";
import { useMe } from "../../../lib/auth/useMe";
import { useShelve } from "../api/alarms";
import { type ActiveAlarm, isUnacknowledged } from "../types";
import { AcknowledgeDialog } from "./AcknowledgeDialog";
import { ShelveDialog } from "./ShelveDialog";

/** Acknowledge (every role, while unacknowledged); shelve and unshelve (ENGINEER, ADMIN). */
export function AlarmActions({ alarm, shelved }: { alarm: ActiveAlarm; shelved: boolean }) {
  const me = useMe();
  const [open, setOpen] = useState<"acknowledge" | "shelve" | null>(null);
  const unshelve = useShelve();
  const mayShelve = hasRole(me.data, "ENGINEER");
  const close = () => setOpen(null);
  return (
    <div className="alarm-actions">
      {isUnacknowledged(alarm) && (
        <button type="button" onClick={() => setOpen("acknowledge")} data-testid="alarm-acknowledge">
          Acknowledge
        </button>
      )}
      {mayShelve && !shelved && (
        <button type="button" className="button-quiet" onClick={() => setOpen("shelve")} data-testid="alarm-shelve">
          Shelve…
        </button>
      )}
      {mayShelve && shelved && (
        <button
          type="button"
          className="button-quiet"
          disabled={unshelve.isPending}
          onClick={() => unshelve.mutate({ definitionId: alarm.definitionId, duration: "PT0S" })}
          data-testid="alarm-unshelve"
        >
          Unshelve
        </button>
      )}
      {open === "acknowledge" && <AcknowledgeDialog alarm={alarm} onClose={close} />}
      {open === "shelve" && <ShelveDialog alarm={alarm} onClose={close} />}
    </div>
  );
}
