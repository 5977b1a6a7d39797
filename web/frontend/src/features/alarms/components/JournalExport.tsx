import { useState } from "react";
import { useClients } from "../../../lib/api/ClientsContext";
import { ApiError, describeError } from "../../../lib/api/problem";
import { attachmentName, saveFile } from "../../../lib/download";
import type { JournalQuery } from "../types";

type Format = "csv" | "json" | "xlsx";

/**
 * Downloads the journal with the filters shown, every page (the analytics engine's export, oldest first, at most
 * its maxRawPoints entries: more is a 413 whose message is shown).
 */
export function JournalExport({ query }: { query: JournalQuery }) {
  const { analytics } = useClients();
  const [format, setFormat] = useState<Format>("csv");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run() {
    setBusy(true);
    setError(null);
    try {
      const { from, to, channelId, definitionId, priority, state, text } = query;
      const filters = { from, to, channelId, definitionId, priority, state, text, format };
      const {
        data,
        error: problem,
        response,
      } = await analytics.GET("/api/v1/analytics/export/alarm-journal", {
        params: { query: filters },
        parseAs: "blob",
      });
      if (!response.ok || !data) throw await ApiError.from(response, problem);
      saveFile(
        attachmentName(response.headers.get("Content-Disposition"), `parx-alarm-journal.${format}`),
        data as Blob,
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="export-bar" data-testid="journal-export">
      <label>
        Export{" "}
        <select
          value={format}
          onChange={(e) => setFormat(e.target.value as Format)}
          data-testid="journal-export-format"
        >
          <option value="csv">CSV</option>
          <option value="json">JSON</option>
          <option value="xlsx">XLSX (Excel)</option>
        </select>
      </label>
      <button type="button" onClick={() => void run()} disabled={busy} data-testid="journal-export-run">
        {busy ? "Exporting…" : "Download"}
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {describeError(error)}
        </span>
      ) : null}
    </div>
  );
}
