import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { NameField } from "./NameField";
import { Banner } from "../../../components/Banner";
import { FieldError } from "../../../components/FieldError";
import { useClients } from "../../../lib/api/ClientsContext";
import { unwrap } from "../../../lib/api/clients";
import { ApiError, describeError } from "../../../lib/api/problem";
import type { Channel } from "../../channels";
import { useSaveDashboard } from "../api/dashboards";
import { DashboardGrid } from "../components/DashboardGrid";
import type { Dashboard } from "../types";
import { ConflictDialog } from "./ConflictDialog";
import { draftOf, newWidget, requestOf, sameDraft, withLayout } from "./draft";
import { Palette } from "./Palette";
import { useDraft } from "./useDraft";
import { WidgetEditor } from "./WidgetEditor";

interface Props {
  dashboard: Dashboard;
  channels: Map<number, Channel> | undefined;
  onDone: () => void;
}

/** Edit mode: palette, drag and resize on the grid, per-widget settings, undo, save with the version. */
export function DashboardBuilder({ dashboard, channels, onDone }: Props) {
  const { draft, canUndo, begin, change, undo, end } = useDraft();
  const [base, setBase] = useState(dashboard);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const save = useSaveDashboard();
  const { admin } = useClients();
  const queryClient = useQueryClient();
  const id = useId();

  useEffect(() => begin(draftOf(dashboard)), []);

  // Ctrl+Z / Cmd+Z undoes the last change (outside text fields, where it undoes typing).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if ((event.ctrlKey || event.metaKey) && event.key === "z" && !target.closest("input, textarea, select")) {
        event.preventDefault();
        undo();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [undo]);

  if (!draft) return null;
  const dirty = !sameDraft(draft, draftOf(base));
  const selected = draft.widgets.find((widget) => widget.id === selectedId) ?? null;

  async function store(version: number) {
    if (!draft) return;
    setErrors({});
    setFailure(null);
    try {
      await save.mutateAsync({ id: base.id, request: requestOf(draft, version) });
      end();
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.type === "/problems/version-conflict") {
        setConflict(true);
      } else if (error instanceof ApiError && error.status === 400) {
        const fields = error.fieldErrors();
        setErrors(fields);
        setFailure(error.problem.detail ?? "Some settings are invalid; see the marked fields.");
        // Open the first widget the server found fault with, where its fields show the messages.
        const index = Object.keys(fields)
          .map((field) => /^layout\.widgets\[(\d+)\]/.exec(field)?.[1])
          .find((found) => found !== undefined);
        if (index !== undefined) setSelectedId(draft.widgets[Number(index)]?.id ?? null);
      } else {
        setFailure(describeError(error));
      }
    }
  }

  async function reloadTheirs() {
    setConflict(false);
    const current = await unwrap(admin.GET("/api/v1/dashboards/{id}", { params: { path: { id: base.id } } }));
    queryClient.setQueryData(["dashboards", "one", current.id], current);
    setBase(current);
    begin(draftOf(current));
  }

  async function overwrite() {
    setConflict(false);
    const current = await unwrap(admin.GET("/api/v1/dashboards/{id}", { params: { path: { id: base.id } } }));
    await store(current.version);
  }

  function cancel() {
    if (dirty && !window.confirm("Discard your changes to this dashboard?")) return;
    end();
    onDone();
  }

  const widgetErrors = (index: number) => {
    const prefix = `layout.widgets[${index}].`;
    return Object.fromEntries(
      Object.entries(errors)
        .filter(([field]) => field.startsWith(prefix))
        .map(([field, message]) => [field.slice(prefix.length), message]),
    );
  };

  return (
    <div className="builder">
      <div className="builder-toolbar">
        <NameField
          id={`${id}-name`}
          name={draft.name}
          onCommit={(name) => change((d) => (d.name === name ? null : { ...d, name }))}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.shared}
            onChange={(e) => {
              const shared = e.target.checked;
              change((d) => ({ ...d, shared }));
            }}
            data-testid="shared"
          />
          Shared with everyone
        </label>
        <span className="spacer" />
        <button type="button" onClick={undo} disabled={!canUndo} data-testid="undo" title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" onClick={cancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button-primary"
          onClick={() => void store(base.version)}
          disabled={save.isPending}
          data-testid="save"
        >
          {save.isPending ? "Saving…" : dirty ? "Save" : "Done"}
        </button>
      </div>
      <FieldError id={`${id}-name-error`} message={errors.name} />
      {failure && <Banner tone="error">{failure}</Banner>}
      <Palette
        onAdd={(kind) => {
          const widget = newWidget(kind, draft.widgets);
          change((d) => ({ ...d, widgets: [...d.widgets, widget] }));
          setSelectedId(widget.id);
        }}
      />
      <div className={selected ? "builder-body with-editor" : "builder-body"}>
        <DashboardGrid
          widgets={draft.widgets}
          channels={channels}
          editing
          selectedId={selectedId}
          onSelect={setSelectedId}
          onRemove={(widgetId) => {
            change((d) => ({ ...d, widgets: d.widgets.filter((w) => w.id !== widgetId) }));
            if (selectedId === widgetId) setSelectedId(null);
          }}
          onLayout={(layout) =>
            change((d) => {
              const widgets = withLayout(d.widgets, layout);
              return widgets ? { ...d, widgets } : null;
            })
          }
        />
        {selected && (
          <WidgetEditor
            key={selected.id + JSON.stringify(selected)}
            widget={selected}
            channels={channels}
            serverErrors={widgetErrors(draft.widgets.indexOf(selected))}
            onApply={(widget) =>
              change((d) => ({ ...d, widgets: d.widgets.map((w) => (w.id === widget.id ? widget : w)) }))
            }
            onClose={() => setSelectedId(null)}
          />
        )}
      </div>
      <ConflictDialog
        open={conflict}
        onReload={() => void reloadTheirs()}
        onOverwrite={() => void overwrite()}
        onCancel={() => setConflict(false)}
      />
    </div>
  );
}
