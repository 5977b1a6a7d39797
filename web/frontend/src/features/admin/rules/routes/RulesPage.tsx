import { useState } from "react";
import { Link } from "react-router";
import { Banner } from "../../../../components/Banner";
import { Dialog } from "../../../../components/Dialog";
import { Pager } from "../../../../components/Pager";
import { QueryState } from "../../../../components/QueryState";
import { describeError } from "../../../../lib/api/problem";
import { hasRole } from "../../../../lib/auth/roles";
import { useMe } from "../../../../lib/auth/useMe";
import { RULES_PAGE_SIZE, useDeleteStorageRule, useStorageRules } from "../api/rules";
import { BatchDefinitionList } from "../components/BatchDefinitionList";
import type { StorageRule } from "../types";

/** Storage rules (search, paging) and batch definitions; ENGINEER and ADMIN create, edit and delete. */
export function RulesPage() {
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(0);
  const rules = useStorageRules(search, page);
  const me = useMe();
  const writer = hasRole(me.data, "ENGINEER");
  const remove = useDeleteStorageRule();
  const [deleting, setDeleting] = useState<StorageRule | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const list = rules.data?.content ?? [];

  return (
    <main className="page">
      <div className="page-header">
        <h1>Storage rules</h1>
        <span className="spacer" />
        {writer && (
          <Link to="/admin/rules/new" className="button button-primary" data-testid="new-rule">
            New rule
          </Link>
        )}
      </div>
      {!writer && me.data && (
        <Banner tone="info" testId="read-only">
          Read only: ENGINEER and ADMIN change storage rules and batch definitions.
        </Banner>
      )}
      <label htmlFor="rule-search" className="visually-hidden">
        Search rules by name
      </label>
      <input
        id="rule-search"
        type="search"
        className="search"
        placeholder="Search by name"
        value={search}
        maxLength={200}
        onChange={(e) => {
          setSearch(e.target.value);
          setPage(0);
        }}
      />
      {failure && <Banner tone="error">{failure}</Banner>}
      <QueryState isLoading={rules.isLoading} error={rules.error} what="the storage rules" />
      {rules.data && list.length === 0 && <p className="muted">{search ? "No rule matches." : "No rules yet."}</p>}
      {list.length > 0 && (
        <table className="list-table" data-testid="rule-list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Mode</th>
              <th scope="col">Backend</th>
              <th scope="col">Channels</th>
              <th scope="col">Retention</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((rule) => (
              <tr key={rule.id} data-testid={`rule-${rule.name}`}>
                <th scope="row">
                  <Link to={`/admin/rules/${rule.id}`}>{rule.name}</Link>
                </th>
                <td>{summary(rule)}</td>
                <td>{rule.backend === "FILE" ? "CSV files" : "TimescaleDB"}</td>
                <td className="num">{rule.channelIds.length}</td>
                <td>{rule.retentionDays == null ? "for ever" : `${rule.retentionDays} days`}</td>
                <td>{rule.enabled ? "enabled" : "disabled"}</td>
                <td className="actions">
                  {hasRole(me.data, "ADMIN") && (
                    <Link to={`/admin/audit?entityType=storage-rule&entityId=${rule.id}`} className="button-quiet">
                      History
                    </Link>
                  )}
                  {writer && (
                    <button
                      type="button"
                      className="button-quiet danger"
                      aria-label={`Delete ${rule.name}`}
                      onClick={() => setDeleting(rule)}
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
      {rules.data && (
        <Pager page={page} size={RULES_PAGE_SIZE} total={rules.data.page.totalElements} onPage={setPage} />
      )}
      <BatchDefinitionList writer={writer} />
      <Dialog
        open={deleting !== null}
        title="Delete storage rule?"
        onClose={() => setDeleting(null)}
        actions={
          <>
            <button
              type="button"
              className="button-danger"
              onClick={async () => {
                const target = deleting;
                setDeleting(null);
                setFailure(null);
                if (!target) return;
                try {
                  await remove.mutateAsync(target);
                } catch (error) {
                  setFailure(describeError(error));
                }
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
          “{deleting?.name}” stops storing its {deleting?.channelIds.length} channel(s). Samples stored so far stay
          until their retention ends.
        </p>
      </Dialog>
    </main>
  );
}

/** The mode and its main setting in a few words. */
function summary(rule: StorageRule): string {
  const s = rule.settings as Record<string, unknown>;
  switch (rule.mode) {
    case "CONTINUOUS":
      return Number(s.intervalMs) > 0 ? `every ${s.intervalMs} ms` : "every sample";
    case "CHANGE":
      return `on change ± ${s.deadband}${s.deadbandType === "PERCENT" ? " %" : ""}`;
    case "EVENT":
      return `on ${String(s.edge).toLowerCase()} edge of #${s.conditionChannelId}`;
    case "TRIGGER":
      return `while ${s.formula}`;
  }
}
