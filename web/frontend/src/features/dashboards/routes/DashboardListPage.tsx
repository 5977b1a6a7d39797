import { useState } from "react";
import { Link } from "react-router";
import { Banner } from "../../../components/Banner";
import { Dialog } from "../../../components/Dialog";
import { QueryState } from "../../../components/QueryState";
import { describeError } from "../../../lib/api/problem";
import { useMe } from "../../../lib/auth/useMe";
import { useCreateDashboard, useDashboards, useDeleteDashboard, useExportDashboard } from "../api/dashboards";
import { CreateDialog } from "../list/CreateDialog";
import { downloadJson, fileNameOf } from "../list/download";
import { ImportDialog } from "../list/ImportDialog";
import type { Dashboard } from "../types";
import { mayCreate, mayEdit } from "../permissions";

/** Shared and own dashboards: search, create, duplicate, export, import, delete. */
export function DashboardListPage() {
  const [search, setSearch] = useState("");
  const dashboards = useDashboards(search);
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState<Dashboard | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const create = useCreateDashboard();
  const remove = useDeleteDashboard();
  const exportTemplate = useExportDashboard();
  const writer = mayCreate(me.data);
  const list = dashboards.data?.content ?? [];

  async function act(action: () => Promise<unknown>) {
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(describeError(error));
    }
  }

  return (
    <main className="page">
      <div className="page-header">
        <h1>Dashboards</h1>
        <span className="spacer" />
        {writer && (
          <>
            <button type="button" onClick={() => setImporting(true)}>
              Import template
            </button>
            <button
              type="button"
              className="button-primary"
              onClick={() => setCreating(true)}
              data-testid="new-dashboard"
            >
              New dashboard
            </button>
          </>
        )}
      </div>
      <label htmlFor="dashboard-search" className="visually-hidden">
        Search dashboards by name
      </label>
      <input
        id="dashboard-search"
        type="search"
        className="search"
        placeholder="Search by name"
        value={search}
        maxLength={200}
        onChange={(e) => setSearch(e.target.value)}
      />
      {failure && <Banner tone="error">{failure}</Banner>}
      <QueryState isLoading={dashboards.isLoading} error={dashboards.error} what="the dashboards" />
      {dashboards.data && list.length === 0 && (
        <p className="muted">{search ? "No dashboard matches." : "No dashboards yet."}</p>
      )}
      {list.length > 0 && (
        <table className="list-table" data-testid="dashboard-list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Owner</th>
              <th scope="col">Visibility</th>
              <th scope="col">Widgets</th>
              <th scope="col">Changed</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((dashboard) => (
              <tr key={dashboard.id}>
                <th scope="row">
                  <Link to={`/dashboards/${dashboard.id}`}>{dashboard.name}</Link>
                </th>
                <td>{dashboard.owner}</td>
                <td>{dashboard.shared ? "shared" : "private"}</td>
                <td className="num">{dashboard.layout?.widgets?.length ?? 0}</td>
                <td>{new Date(dashboard.updatedAt).toLocaleString()}</td>
                <td className="actions">
                  {writer && (
                    <button
                      type="button"
                      className="button-quiet"
                      aria-label={`Duplicate ${dashboard.name}`}
                      onClick={() =>
                        void act(() =>
                          create.mutateAsync({
                            name: `${dashboard.name} (copy)`.slice(0, 200),
                            description: dashboard.description,
                            shared: false,
                            layout: dashboard.layout,
                          }),
                        )
                      }
                    >
                      Duplicate
                    </button>
                  )}
                  <button
                    type="button"
                    className="button-quiet"
                    aria-label={`Export ${dashboard.name}`}
                    onClick={() =>
                      void act(async () =>
                        downloadJson(fileNameOf(dashboard.name), await exportTemplate.mutateAsync(dashboard.id)),
                      )
                    }
                  >
                    Export
                  </button>
                  {mayEdit(dashboard, me.data) && (
                    <button
                      type="button"
                      className="button-quiet danger"
                      aria-label={`Delete ${dashboard.name}`}
                      onClick={() => setDeleting(dashboard)}
                    >
                      Delete
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CreateDialog open={creating} onClose={() => setCreating(false)} />
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
      <Dialog
        open={deleting !== null}
        title="Delete dashboard?"
        onClose={() => setDeleting(null)}
        actions={
          <>
            <button
              type="button"
              className="button-danger"
              onClick={() => {
                const target = deleting;
                setDeleting(null);
                if (target) void act(() => remove.mutateAsync(target));
              }}
            >
              Delete
            </button>
            <button type="button" onClick={() => setDeleting(null)}>
              Keep it
            </button>
          </>
        }
      >
        <p>
          “{deleting?.name}” will be deleted for everyone{deleting?.shared ? " (it is shared)" : ""}. Export it first if
          you may want it back.
        </p>
      </Dialog>
    </main>
  );
}
