import { useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { Banner } from "../../../components/Banner";
import { QueryState } from "../../../components/QueryState";
import { useMe } from "../../../lib/auth/useMe";
import { useChannelDirectory } from "../../channels";
import { useDashboard } from "../api/dashboards";
import { DashboardBuilder } from "../builder/DashboardBuilder";
import { DashboardGrid } from "../components/DashboardGrid";
import { LiveBanner } from "../components/LiveBanner";
import { draftOf } from "../builder/draft";
import { mayEdit } from "../permissions";

/** One dashboard: live in view mode; the builder for ADMIN and for ENGINEER owners. */
export function DashboardPage() {
  const id = Number(useParams().id);
  const dashboard = useDashboard(id);
  const me = useMe();
  const directory = useChannelDirectory();
  const [editing, setEditing] = useState(false);
  // The same widget objects from render to render, so that widgets re-render for their data, not for the page.
  const widgets = useMemo(() => (dashboard.data ? draftOf(dashboard.data).widgets : []), [dashboard.data]);

  if (!Number.isInteger(id) || id <= 0) return <Banner tone="error">There is no dashboard with this address.</Banner>;
  if (!dashboard.data) {
    return (
      <main className="page">
        <QueryState isLoading={dashboard.isLoading} error={dashboard.error} what="the dashboard" />
        <p>
          <Link to="/dashboards">All dashboards</Link>
        </p>
      </main>
    );
  }
  const canEdit = mayEdit(dashboard.data, me.data);
  return (
    <main className="page page-dashboard">
      <LiveBanner />
      {directory.error ? (
        <Banner tone="warning">Channel names could not be loaded; widgets show channel ids.</Banner>
      ) : null}
      {editing ? (
        <DashboardBuilder dashboard={dashboard.data} channels={directory.data} onDone={() => setEditing(false)} />
      ) : (
        <>
          <div className="page-header">
            <h1>{dashboard.data.name}</h1>
            <span className="muted">
              {dashboard.data.shared ? "shared" : "private"} · by {dashboard.data.owner}
            </span>
            <span className="spacer" />
            {canEdit && (
              <button type="button" className="button-primary" onClick={() => setEditing(true)} data-testid="edit">
                Edit
              </button>
            )}
          </div>
          {dashboard.data.description && <p className="muted">{dashboard.data.description}</p>}
          <DashboardGrid
            widgets={widgets}
            channels={directory.data}
            editing={false}
            selectedId={null}
            onSelect={() => undefined}
            onRemove={() => undefined}
            onLayout={() => undefined}
          />
          {(dashboard.data.layout?.widgets ?? []).length === 0 && (
            <p className="muted">This dashboard has no widgets yet.{canEdit ? " Edit it to add some." : ""}</p>
          )}
        </>
      )}
    </main>
  );
}
