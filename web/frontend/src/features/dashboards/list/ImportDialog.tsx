import { useId, useState } from "react";
import { Link } from "react-router";
import { Dialog } from "../../../components/Dialog";
import { describeError } from "../../../lib/api/problem";
import { useImportDashboard } from "../api/dashboards";
import type { DashboardImportResult, DashboardTemplate } from "../types";

/** The largest template file read (the admin-api allows 200 widgets of 100 channels each). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Uploads a template; lists the channel names this installation does not have. */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [result, setResult] = useState<DashboardImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const importTemplate = useImportDashboard();
  const id = useId();

  async function read(file: File | undefined) {
    setError(null);
    setResult(null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setError(`The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB: not a dashboard template.`);
      return;
    }
    let template: DashboardTemplate;
    try {
      template = JSON.parse(await file.text()) as DashboardTemplate;
    } catch {
      setError("The file is not JSON: choose a template exported from ParX.");
      return;
    }
    try {
      setResult(await importTemplate.mutateAsync(template));
    } catch (failure) {
      setError(describeError(failure));
    }
  }

  function close() {
    setResult(null);
    setError(null);
    onClose();
  }

  return (
    <Dialog
      open={open}
      title="Import a dashboard template"
      onClose={close}
      actions={
        <button type="button" onClick={close}>
          Close
        </button>
      }
    >
      <label htmlFor={`${id}-file`}>Template file (.json exported from a ParX dashboard)</label>
      <input
        id={`${id}-file`}
        type="file"
        accept="application/json,.json"
        onChange={(e) => void read(e.target.files?.[0])}
        data-testid="import-file"
      />
      {importTemplate.isPending && <p aria-live="polite">Importing…</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div data-testid="import-result" aria-live="polite">
          <p>
            {result.created ? "Created" : "Updated"}{" "}
            <Link to={`/dashboards/${result.dashboard.id}`} onClick={close}>
              {result.dashboard.name}
            </Link>
            .
          </p>
          {result.unresolvedBindings.length === 0 ? (
            <p>Every channel of the template was found.</p>
          ) : (
            <>
              <p>
                {result.unresolvedBindings.length} channel binding(s) had no channel of that name here and were left
                out:
              </p>
              <ul data-testid="unresolved">
                {result.unresolvedBindings.map((binding, index) => (
                  <li key={index}>
                    {binding.channel} (widget {binding.widgetId ?? binding.widgetIndex + 1})
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </Dialog>
  );
}
