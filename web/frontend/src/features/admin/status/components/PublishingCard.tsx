import type { CollectorStatus } from "../api/status";
import { age, bytes } from "../format";

/** The collector's publish pipeline and disk buffer (store and forward while Redis is away). */
export function PublishingCard({ status }: { status: CollectorStatus }) {
  const p = status.publishing ?? {};
  return (
    <div className="status-grid" data-testid="publishing">
      <dl className="status-card">
        <dt>Redis</dt>
        <dd className={p.redisReachable ? "state-up" : "state-down"} data-testid="redis-state">
          {p.redisReachable ? "reachable" : "unreachable"}
        </dd>
        <dt>Publishing</dt>
        <dd>{p.spooling ? "to the disk buffer" : "to Redis"}</dd>
      </dl>
      <dl className="status-card">
        <dt>Disk buffer depth (batches)</dt>
        <dd data-testid="buffer-depth">{p.bufferedBatches ?? "—"}</dd>
        <dt>Size</dt>
        <dd>{bytes(p.bufferBytes)}</dd>
      </dl>
      <dl className="status-card">
        <dt>Oldest buffered batch (at most)</dt>
        <dd data-testid="buffer-age">{age(p.oldestBufferedAgeMs)}</dd>
        <dt>Dropped batches (buffer full or too old)</dt>
        <dd className={p.droppedBatches ? "state-down" : undefined} data-testid="buffer-drops">
          {p.droppedBatches ?? "—"}
        </dd>
      </dl>
      <dl className="status-card">
        <dt>Samples stream backlog</dt>
        <dd>{p.streamBacklog ?? "—"}</dd>
        <dt>Batches queued in memory</dt>
        <dd>{p.queuedBatches ?? "—"}</dd>
      </dl>
    </div>
  );
}
