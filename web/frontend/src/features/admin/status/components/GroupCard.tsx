import type { CollectorStatus } from "../api/status";

/**
 * The collector group as the answering instance sees it (issue #21): which device connections it holds, and the
 * group's other live instances, which take over its connections when it stops.
 */
export function GroupCard({ status }: { status: CollectorStatus }) {
  const f = status.failover;
  if (!f) return null;
  const held = f.held ?? [];
  const others = f.otherInstances ?? [];
  return (
    <div data-testid="collector-group">
      <p>
        {f.enabled ? (
          <>
            Instance <strong>{f.instance}</strong> of group “{f.group}” holds{" "}
            <span data-testid="held">{held.length}</span> of the group's {f.groupConnections ?? 0} device connections;{" "}
            {others.length === 0
              ? "no other instance is live, so nothing takes over if it stops."
              : `${others.length} other instance${others.length === 1 ? " is" : "s are"} live and take${others.length === 1 ? "s" : ""} over its connections if it stops.`}
          </>
        ) : (
          <>
            Failover is off: this collector reads all {held.length} of its device connections alone (
            <code>PARX_COLLECTOR_FAILOVER</code>, docs/OPERATIONS.md).
          </>
        )}
      </p>
      {others.length > 0 && (
        <table className="list-table" data-testid="other-instances">
          <thead>
            <tr>
              <th>Other instance</th>
              <th>Address</th>
              <th className="num">Connections</th>
              <th className="num">Channels</th>
            </tr>
          </thead>
          <tbody>
            {others.map((other) => (
              <tr key={other.instance}>
                <td>{other.instance}</td>
                <td>{other.url ?? "—"}</td>
                <td className="num">{other.connections}</td>
                <td className="num">{other.channels}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
