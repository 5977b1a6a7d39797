import { useId, useState } from "react";
import { Dialog } from "../../../../components/Dialog";
import { describeErrorWithFields } from "../../../../lib/api/problem";
import { useImportChannels } from "../api/channels";
import { type ImportPreview, MAX_IMPORT_BYTES, previewImport } from "../model/importFile";
import type { ChannelImportResult } from "../types";

/**
 * Bulk import: a CSV (the export's layout) or a JSON array is read and previewed in the browser, then sent to the
 * admin-api, which stores each good row and reports every rejected one with its fields.
 */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ChannelImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const importRows = useImportChannels();
  const id = useId();

  async function read(file: File | undefined) {
    setError(null);
    setPreview(null);
    setResult(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setError(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; an import takes at most that.`);
      return;
    }
    try {
      setPreview(previewImport(file.name, await file.text()));
    } catch (failure) {
      setError(`This file cannot be imported: ${failure instanceof Error ? failure.message : String(failure)}.`);
    }
  }

  async function send() {
    if (!preview) return;
    setError(null);
    try {
      setResult(await importRows.mutateAsync(preview.upload));
      setPreview(null);
    } catch (failure) {
      setError(describeErrorWithFields(failure));
    }
  }

  function close() {
    setPreview(null);
    setResult(null);
    setError(null);
    onClose();
  }

  return (
    <Dialog
      open={open}
      wide
      title="Import channels"
      onClose={close}
      actions={
        <>
          {preview && (
            <button
              type="button"
              className="button-primary"
              onClick={() => void send()}
              disabled={importRows.isPending}
              data-testid="import-send"
            >
              {importRows.isPending ? "Importing…" : `Import ${preview.count.toLocaleString()} rows`}
            </button>
          )}
          <button type="button" onClick={close}>
            Close
          </button>
        </>
      }
    >
      <p className="muted">
        CSV in the layout of <strong>Export CSV</strong> (a header row; settings columns by name), or a JSON array of
        channels as the API takes them. Rows are matched by name: new names are created, existing channels updated,
        identical ones left unchanged. At most 10,000 rows.
      </p>
      <label htmlFor={`${id}-file`}>File (.csv or .json)</label>
      <input
        id={`${id}-file`}
        type="file"
        accept=".csv,text/csv,.json,application/json"
        onChange={(e) => void read(e.target.files?.[0])}
        data-testid="import-file"
      />
      {error && (
        <p className="field-error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {preview && <PreviewTable preview={preview} />}
      {result && <ResultView result={result} />}
    </Dialog>
  );
}

function PreviewTable({ preview }: { preview: ImportPreview }) {
  return (
    <div data-testid="import-preview">
      <p>
        {preview.count.toLocaleString()} row(s) in {preview.kind.toUpperCase()}, columns: {preview.columns.join(", ")}.
        {preview.count > preview.sample.length && ` The first ${preview.sample.length}:`}
      </p>
      <table className="list-table preview-table">
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Name</th>
            <th scope="col">Protocol</th>
            <th scope="col">Data type</th>
          </tr>
        </thead>
        <tbody>
          {preview.sample.map((row, index) => (
            <tr key={index}>
              <td className="num">{index + 1}</td>
              <td>{row.name}</td>
              <td>{row.protocol}</td>
              <td>{row.dataType}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ResultView({ result }: { result: ChannelImportResult }) {
  return (
    <div data-testid="import-result" aria-live="polite">
      <p>
        <span data-testid="import-created">{result.created}</span> created,{" "}
        <span data-testid="import-updated">{result.updated}</span> updated,{" "}
        <span data-testid="import-unchanged">{result.unchanged}</span> unchanged,{" "}
        <span data-testid="import-failed">{result.failed}</span> rejected.
      </p>
      {result.errors.length > 0 && (
        <table className="list-table preview-table" data-testid="import-errors">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Name</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {result.errors.map((error) => (
              <tr key={error.row} data-row={error.row}>
                <td className="num">{error.row}</td>
                <td>{error.name ?? "—"}</td>
                <td>
                  {error.errors.map((field, index) => (
                    <div key={index}>
                      {field.field && <code>{field.field}</code>} {field.message}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
