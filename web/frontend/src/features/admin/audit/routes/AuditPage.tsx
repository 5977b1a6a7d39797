import { Fragment, useState } from "react";
import { useSearchParams } from "react-router";
import { Forbidden } from "../../../../components/Forbidden";
import { Pager } from "../../../../components/Pager";
import { QueryState } from "../../../../components/QueryState";
import { ApiError } from "../../../../lib/api/problem";
import { useMe } from "../../../../lib/auth/useMe";
import { AUDIT_PAGE_SIZE, type AuditAction, type AuditQuery, useAuditEvents } from "../api/audit";
import { AuditFilters } from "../components/AuditFilters";
import { ChangeDiff } from "../components/ChangeDiff";

const FILTERS = ["user", "action", "entityType", "entityId", "from", "to"] as const;

/** The audit log (ADMIN): filters kept in the address (links to "the history of rule 5" work), paging, diffs. */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const events = useAuditEvents(query);
  const me = useMe();
  const [open, setOpen] = useState<Set<number>>(new Set());

  if (events.error instanceof ApiError && events.error.status === 403) {
    return (
      <main className="page">
        <h1>Audit log</h1>
        <Forbidden what="reading the audit log" role={me.data?.role} />
      </main>
    );
  }

  function apply(next: AuditQuery) {
    const search = new URLSearchParams();
    for (const key of FILTERS) {
      const value = next[key];
      if (value !== undefined && value !== "") search.set(key, String(value));
    }
    setParams(search);
  }

  function toggle(id: number) {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  }

  const list = events.data?.content ?? [];
  return (
    <main className="page">
      <div className="page-header">
        <h1>Audit log</h1>
      </div>
      <AuditFilters key={params.toString()} value={query} onApply={apply} />
      <QueryState isLoading={events.isLoading} error={events.error} what="the audit log" />
      {events.data && list.length === 0 && <p className="muted">No event matches.</p>}
      {list.length > 0 && (
        <table className="list-table" data-testid="audit-list">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">User</th>
              <th scope="col">Action</th>
              <th scope="col">Entity</th>
              <th scope="col">Detail</th>
              <th scope="col">
                <span className="visually-hidden">Changes</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((event) => {
              const hasChange = event.before !== null || event.after !== null;
              return (
                <Fragment key={event.id}>
                  <tr data-testid="audit-event">
                    <td>{new Date(event.time).toLocaleString()}</td>
                    <td>
                      {event.username ?? "—"}
                      {event.clientIp && <span className="muted"> {event.clientIp}</span>}
                    </td>
                    <td>{event.action}</td>
                    <td>{event.entityType ? `${event.entityType} ${event.entityId ?? ""}` : "—"}</td>
                    <td>{event.detail ?? ""}</td>
                    <td className="actions">
                      {hasChange && (
                        <button
                          type="button"
                          className="button-quiet"
                          aria-expanded={open.has(event.id)}
                          onClick={() => toggle(event.id)}
                          data-testid="audit-show-diff"
                        >
                          {open.has(event.id) ? "Hide changes" : "Show changes"}
                        </button>
                      )}
                    </td>
                  </tr>
                  {open.has(event.id) && (
                    <tr>
                      <td colSpan={6}>
                        <ChangeDiff event={event} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      {events.data && (
        <Pager
          page={query.page ?? 0}
          size={AUDIT_PAGE_SIZE}
          total={events.data.page.totalElements}
          onPage={(page) => {
            const next = new URLSearchParams(params);
            next.set("page", String(page));
            setParams(next);
          }}
        />
      )}
    </main>
  );
}

function queryOf(params: URLSearchParams): AuditQuery {
  const number = (name: string) => {
    const value = Number(params.get(name));
    return params.has(name) && Number.isInteger(value) && value >= 0 ? value : undefined;
  };
  return {
    user: params.get("user") ?? undefined,
    action: (params.get("action") ?? undefined) as AuditAction | undefined,
    entityType: params.get("entityType") ?? undefined,
    entityId: number("entityId"),
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    page: number("page"),
  };
}
