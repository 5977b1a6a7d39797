import type { StorageStatus } from "../api/status";

/**
 * The storage engine: write rate per backend, stream backlog, quarantine, failures, which instance consumes the
 * stream (several stand by for each other), the time-series database.
 */
export function StorageCard({ status }: { status: StorageStatus }) {
  const rates = Object.entries(status.pointsPerSecond ?? {});
  const ingest = status.ingest;
  return (
    <>
      <div className="status-grid" data-testid="storage">
        <dl className="status-card">
          <dt>Write rate (rows/s)</dt>
          <dd data-testid="write-rate">
            {rates.length ? rates.map(([backend, rate]) => `${backend} ${rate}`).join(" · ") : "—"}
          </dd>
          <dt>Rows written since start</dt>
          <dd>
            {Object.entries(status.pointsWritten ?? {})
              .map(([backend, total]) => `${backend} ${total}`)
              .join(" · ") || "—"}
          </dd>
        </dl>
        <dl className="status-card">
          <dt>Stream backlog (entries not yet read)</dt>
          <dd data-testid="stream-backlog">{status.streamLag ?? "—"}</dd>
          <dt>Read, not yet committed</dt>
          <dd>{status.pendingCount ?? "—"}</dd>
        </dl>
        <dl className="status-card">
          <dt>Quarantined entries</dt>
          <dd className={status.quarantineCount ? "state-down" : undefined} data-testid="quarantine">
            {status.quarantineCount ?? "—"}
          </dd>
          <dt>Failed writes (retried)</dt>
          <dd className={status.failedWrites ? "state-wait" : undefined}>{status.failedWrites ?? "—"}</dd>
        </dl>
        <dl className="status-card">
          <dt>Last commit</dt>
          <dd>{status.lastCommit ? new Date(status.lastCommit).toLocaleTimeString() : "—"}</dd>
          <dt>Last write latency</dt>
          <dd>{status.lastWriteLatencyMs !== undefined ? `${status.lastWriteLatencyMs.toFixed(1)} ms` : "—"}</dd>
        </dl>
        {ingest && (
          <dl className="status-card">
            <dt>Consuming the stream</dt>
            <dd className={ingest.leaseHolder ? undefined : "state-down"} data-testid="ingest-holder">
              {ingest.leaseHolder ?? "no instance: nothing is stored"}
            </dd>
            <dt>Answered by</dt>
            <dd data-testid="ingest-instance">
              {ingest.instance} ({ingest.consuming ? "consuming" : "standing by"})
            </dd>
          </dl>
        )}
      </div>
      {status.lastError && <p className="state-down">Last write error: {status.lastError}</p>}
      <p className="muted">
        {status.rules ?? 0} enabled storage rule(s). {status.capabilities?.description}
      </p>
    </>
  );
}
