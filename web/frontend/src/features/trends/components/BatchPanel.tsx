import { useState } from "react";
import { describeError } from "../../../lib/api/problem";
import { type Batch, useBatchSearch } from "../api/batches";
import { MAX_OVERLAY } from "../model/view";
import { formatOffset } from "./chartOptions";

interface Props {
  range: { from: number; to: number };
  overlay: number[];
  onOpen: (batch: Batch) => void;
  onOverlay: (batchIds: number[]) => void;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "medium" });

function duration(batch: Batch): string {
  const end = batch.end ? Date.parse(batch.end) : Date.now();
  return formatOffset((end - Date.parse(batch.start)) / 1000) + (batch.end ? "" : " (open)");
}

/** Batches (coils) found by name or id: open one to set the range to it, tick several to overlay them. */
export function BatchPanel({ range, overlay, onOpen, onOverlay }: Props) {
  const [search, setSearch] = useState("");
  const [inRange, setInRange] = useState(false);
  const [page, setPage] = useState(0);
  const batches = useBatchSearch(search, inRange ? range : null, page);
  const content = batches.data?.content ?? [];
  const total = batches.data?.totalElements ?? 0;
  const toggle = (id: number, on: boolean) =>
    onOverlay(on ? [...overlay.filter((x) => x !== id), id].slice(-MAX_OVERLAY) : overlay.filter((x) => x !== id));
  return (
    <details className="trends-panel" data-testid="batch-panel">
      <summary>Batches</summary>
      <div className="batch-filters">
        <input
          type="search"
          aria-label="Find batches by name or id"
          placeholder="Batch name or id"
          maxLength={200}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(0);
          }}
          data-testid="batch-search"
        />
        <label>
          <input
            type="checkbox"
            checked={inRange}
            onChange={(e) => {
              setInRange(e.target.checked);
              setPage(0);
            }}
          />{" "}
          only in the visible range
        </label>
        {overlay.length > 0 && (
          <button type="button" className="button-quiet" onClick={() => onOverlay([])} data-testid="leave-overlay">
            Back to the time axis
          </button>
        )}
      </div>
      {batches.error ? <p className="field-error">{describeError(batches.error)}</p> : null}
      <table>
        <thead>
          <tr>
            <th>Overlay</th>
            <th>Name</th>
            <th>Definition</th>
            <th>Start</th>
            <th>Duration</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {content.length === 0 && (
            <tr>
              <td colSpan={6} className="muted">
                {batches.isFetching ? "loading…" : "No batch matches."}
              </td>
            </tr>
          )}
          {content.map((batch) => (
            <tr key={batch.id} data-testid="batch-row" data-batch-id={batch.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Overlay ${batch.name ?? batch.id}`}
                  checked={overlay.includes(batch.id)}
                  onChange={(e) => toggle(batch.id, e.target.checked)}
                  data-testid="batch-overlay"
                />
              </td>
              <td>{batch.name ?? `#${batch.id}`}</td>
              <td>{batch.definitionId}</td>
              <td>{timeFormat.format(new Date(batch.start))}</td>
              <td>{duration(batch)}</td>
              <td>
                <button type="button" className="button-quiet" onClick={() => onOpen(batch)} data-testid="batch-open">
                  Open
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > 20 && (
        <div className="batch-pages">
          <button type="button" className="button-quiet" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Newer
          </button>
          <span className="muted">
            {page * 20 + 1}–{Math.min(total, (page + 1) * 20)} of {total}
          </span>
          <button
            type="button"
            className="button-quiet"
            disabled={(page + 1) * 20 >= total}
            onClick={() => setPage(page + 1)}
          >
            Older
          </button>
        </div>
      )}
    </details>
  );
}
