import { type FormEvent, useState } from "react";
import type { AuditAction, AuditQuery } from "../api/audit";

const ACTIONS: AuditAction[] = [
  "CREATE",
  "UPDATE",
  "DELETE",
  "LOGIN",
  "LOGIN_FAILED",
  "LOGOUT",
  "TOKEN_REUSE",
  "ROLE_CHANGE",
  "PASSWORD_CHANGE",
  "USER_DISABLE",
  "USER_ENABLE",
  "TRUST",
];

// admin-api's entities, the analytics engine's derived signals and the collector's OPC UA trust list (docs/CONTRACTS.md).
const ENTITY_TYPES = [
  "user",
  "channel",
  "storage-rule",
  "batch-definition",
  "dashboard",
  "derived-signal",
  "opcua-certificate",
];

/** The API's filters: user, action, entity type and id, time range (local time in the inputs, UTC on the wire). */
export function AuditFilters({ value, onApply }: { value: AuditQuery; onApply: (query: AuditQuery) => void }) {
  const [user, setUser] = useState(value.user ?? "");
  const [action, setAction] = useState<string>(value.action ?? "");
  const [entityType, setEntityType] = useState(value.entityType ?? "");
  const [entityId, setEntityId] = useState(value.entityId?.toString() ?? "");
  const [from, setFrom] = useState(toLocalInput(value.from));
  const [to, setTo] = useState(toLocalInput(value.to));

  function submit(event: FormEvent) {
    event.preventDefault();
    const id = Number(entityId);
    onApply({
      user: user.trim() || undefined,
      action: (action || undefined) as AuditAction | undefined,
      entityType: entityType.trim() || undefined,
      entityId: entityId.trim() && Number.isInteger(id) && id > 0 ? id : undefined,
      from: from ? new Date(from).toISOString() : undefined,
      to: to ? new Date(to).toISOString() : undefined,
    });
  }

  return (
    <form className="filters" onSubmit={submit} aria-label="Filter the audit log">
      <label>
        User
        <input value={user} maxLength={100} onChange={(e) => setUser(e.target.value)} data-testid="audit-user" />
      </label>
      <label>
        Action
        <select value={action} onChange={(e) => setAction(e.target.value)} data-testid="audit-action">
          <option value="">any</option>
          {ACTIONS.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
      </label>
      <label>
        Entity
        <input
          value={entityType}
          list="audit-entity-types"
          maxLength={50}
          onChange={(e) => setEntityType(e.target.value)}
          data-testid="audit-entity-type"
        />
        <datalist id="audit-entity-types">
          {ENTITY_TYPES.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
      </label>
      <label>
        Id
        <input
          value={entityId}
          inputMode="numeric"
          size={6}
          maxLength={19}
          onChange={(e) => setEntityId(e.target.value.replace(/\D/g, ""))}
        />
      </label>
      <label>
        From
        <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label>
        To
        <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <button type="submit" className="button-primary" data-testid="audit-apply">
        Apply
      </button>
    </form>
  );
}

/** An ISO instant as the value of a datetime-local input (the browser's time zone). */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
