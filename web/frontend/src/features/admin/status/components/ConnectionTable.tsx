import type { CollectorStatus } from "../api/status";

const STATE_CLASS: Record<string, string> = {
  CONNECTED: "state-up",
  CONNECTING: "state-wait",
  DISCONNECTED: "state-down",
};

/** Every device, server and broker connection of every engine: state, last error, reconnect attempts. */
export function ConnectionTable({ status }: { status: CollectorStatus }) {
  const engines = Object.entries(status.engines ?? {});
  const rows = engines.flatMap(([protocol, engine]) =>
    (engine.connections ?? []).map((connection) => ({ protocol, connection })),
  );
  return (
    <>
      <table className="list-table" data-testid="connections">
        <thead>
          <tr>
            <th scope="col">Protocol</th>
            <th scope="col">Connection</th>
            <th scope="col">State</th>
            <th scope="col">Reconnect attempts</th>
            <th scope="col">Last error</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                No connections: no enabled channels of a connected protocol.
              </td>
            </tr>
          )}
          {rows.map(({ protocol, connection }) => (
            <tr key={`${protocol}-${connection.key}`} data-testid="connection" data-key={connection.key}>
              <td>{protocol}</td>
              <th scope="row">{connection.key}</th>
              <td className={STATE_CLASS[connection.state ?? ""] ?? ""} data-testid="connection-state">
                {connection.state}
              </td>
              <td className="num">{connection.reconnectAttempts ?? 0}</td>
              <td>{connection.lastError ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted" data-testid="overruns">
        Poll overruns since the collector started (cycles that began a whole period late):{" "}
        {engines.map(([protocol, engine]) => `${protocol} ${engine.pollOverruns ?? 0}`).join(" · ")}
      </p>
    </>
  );
}
