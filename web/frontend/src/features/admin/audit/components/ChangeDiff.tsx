import { diff } from "../diff";
import type { AuditEvent } from "../api/audit";

/** The before/after of an audited change as a table of the fields that differ. */
export function ChangeDiff({ event }: { event: AuditEvent }) {
  const changes = diff(event.before, event.after);
  if (changes.length === 0) return <p className="muted">No field changed.</p>;
  return (
    <table className="diff-table" data-testid="audit-diff">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.path} className={`diff-${change.kind}`}>
            <th scope="row">{change.path}</th>
            <td className="diff-before">{change.before !== undefined ? <del>{change.before}</del> : "—"}</td>
            <td className="diff-after">{change.after !== undefined ? <ins>{change.after}</ins> : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
