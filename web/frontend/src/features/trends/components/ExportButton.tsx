import { useRef, useState } from "react";
import { useClients } from "../../../lib/api/ClientsContext";
import { ApiError, describeError } from "../../../lib/api/problem";
import { attachmentName, saveFile } from "../../../lib/download";
import { type ExportFormat, type ExportRequest } from "../model/exportQuery";

interface Props {
  /** Built when the user asks, so that a live view exports up to that moment. */
  request: (format: ExportFormat) => ExportRequest | null;
}

type Progress =
  | { state: "idle" }
  | { state: "running"; bytes: number; total: number | null }
  | { state: "done"; name: string; bytes: number };

/** Downloads what is shown as CSV, JSON or XLSX through /export, counting the bytes as they arrive. */
export function ExportButton({ request }: Props) {
  const { analytics } = useClients();
  const [format, setFormat] = useState<ExportFormat>("csv");
  const [progress, setProgress] = useState<Progress>({ state: "idle" });
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);

  const run = async () => {
    const body = request(format);
    if (!body) return;
    setError(null);
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setProgress({ state: "running", bytes: 0, total: null });
    try {
      const {
        data,
        error: problem,
        response,
      } = await analytics.POST("/api/v1/analytics/export", {
        body,
        parseAs: "stream",
        signal: abort.signal,
      });
      if (!response.ok || !data) throw await ApiError.from(response, problem);
      const total = Number(response.headers.get("Content-Length")) || null;
      const reader = (data as ReadableStream<Uint8Array>).getReader();
      const chunks: Uint8Array[] = [];
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.length;
        setProgress({ state: "running", bytes, total });
      }
      const name = attachmentName(response.headers.get("Content-Disposition"), `parx-export.${format}`);
      saveFile(name, new Blob(chunks as BlobPart[], { type: response.headers.get("Content-Type") ?? "" }));
      setProgress({ state: "done", name, bytes });
    } catch (failure) {
      if (abort.signal.aborted) setProgress({ state: "idle" });
      else {
        setError(failure);
        setProgress({ state: "idle" });
      }
    }
  };

  return (
    <div className="export-bar" data-testid="export">
      <label>
        Export{" "}
        <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} data-testid="export-format">
          <option value="csv">CSV</option>
          <option value="json">JSON</option>
          <option value="xlsx">XLSX (Excel)</option>
        </select>
      </label>
      {progress.state === "running" ? (
        <>
          <progress
            value={progress.total ? progress.bytes : undefined}
            max={progress.total ?? undefined}
            aria-label="Export progress"
          />
          <span className="muted" data-testid="export-progress">
            {(progress.bytes / 1024).toFixed(0)} kB
            {progress.total ? ` of ${(progress.total / 1024).toFixed(0)} kB` : ""}
          </span>
          <button type="button" className="button-quiet" onClick={() => controller.current?.abort()}>
            Cancel
          </button>
        </>
      ) : (
        <button type="button" onClick={() => void run()} disabled={!request(format)} data-testid="export-run">
          Download
        </button>
      )}
      {progress.state === "done" && (
        <span className="muted" data-testid="export-done">
          {progress.name} ({(progress.bytes / 1024).toFixed(1)} kB)
        </span>
      )}
      {error ? (
        <span className="field-error" role="alert">
          {describeError(error)}
        </span>
      ) : null}
    </div>
  );
}
